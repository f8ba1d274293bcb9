${msg("email.welcome.subject", (tenant.name)!"")}
