Your ${(tenant.name)!""} account was deleted
