${msg("email.password-reset.subject", (tenant.name)!"")}
