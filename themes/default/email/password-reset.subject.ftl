Reset your ${(tenant.name)!""} password
