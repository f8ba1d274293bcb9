${msg("email.account-deleted.subject", (tenant.name)!"")}
