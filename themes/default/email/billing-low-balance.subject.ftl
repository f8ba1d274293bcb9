${msg("email.billing-low-balance.subject", balance?has_content?then(balance, msg("email.billing-low-balance.few")), (tenant.name)!"")}
