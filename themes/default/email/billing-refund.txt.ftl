<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
<#if (user.displayName)?has_content>${msg("email.greeting.named", user.displayName)}<#else>${msg("email.greeting")}</#if>

${msg("email.billing-refund.subject", (tenant.name)!"", (amount?? && amount?has_content)?then(amount, msg("email.billing-refund.your_payment")))}<#if description?has_content> ${msg("email.billing-refund.for", description)}</#if>.
${msg("email.billing-refund.days")}

<#if amount?has_content>${msg("email.billing-refund.text.refunded", amount)}
</#if><#if creditsTakenBack?has_content && creditsTakenBack gt 0>${msg("email.billing-refund.text.taken_back", creditsTakenBack)}
</#if>
<#if owed?has_content && owed gt 0>
${msg("email.billing-refund.text.owed", owed)}

</#if>
<#if link?has_content>
${msg("email.billing.your_billing")}

${link}
</#if>

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
${msg("email.questions")} ${tenant.supportEmail}
</#if>
