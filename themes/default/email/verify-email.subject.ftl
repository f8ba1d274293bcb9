${msg("email.verify-email.subject", (tenant.name)!"")}
