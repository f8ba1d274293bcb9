Welcome to ${(tenant.name)!""}
