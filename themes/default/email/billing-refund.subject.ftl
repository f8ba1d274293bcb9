${msg("email.billing-refund.subject", (tenant.name)!"", (amount?? && amount?has_content)?then(amount, msg("email.billing-refund.your_payment")))}
