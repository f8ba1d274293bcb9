Your ${(tenant.name)!""} email address was changed
