<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
<#if (user.displayName)?has_content>${msg("email.greeting.named", user.displayName)}<#else>${msg("email.greeting")}</#if>

${msg("email.billing-cancel-scheduled.canceled", (plan?? && plan?has_content)?then(plan, msg("email.billing.plan_word")), (tenant.name)!"")}
<#if endsOn?has_content>${msg("email.billing-cancel-scheduled.text.until.date", endsOn)}<#else>${msg("email.billing-cancel-scheduled.text.until")}</#if>

${msg("email.billing-cancel-scheduled.text.keep")}
<#if link?has_content>

${link}
</#if>

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
${msg("email.questions")} ${tenant.supportEmail}
</#if>
