Your payment to ${(tenant.name)!""} did not go through
