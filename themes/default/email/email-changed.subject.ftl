${msg("email.email-changed.subject", (tenant.name)!"")}
