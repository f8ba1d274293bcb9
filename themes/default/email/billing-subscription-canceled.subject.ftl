${msg("email.billing-subscription-canceled.subject", (tenant.name)!"", (plan?? && plan?has_content)?then(plan, msg("email.billing.plan_word")))}
