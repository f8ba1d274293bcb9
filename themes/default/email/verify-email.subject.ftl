Confirm your email address for ${(tenant.name)!""}
