<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
<#if (user.displayName)?has_content>${msg("email.greeting.named", user.displayName)}<#else>${msg("email.greeting")}</#if>

<#if renewal?? && renewal>
${msg("email.billing-payment-failed.renewal", description?has_content?then(description, msg("email.billing.plan_word")), (tenant.name)!"")}

${msg("email.billing-payment-failed.text.renewal.keep")}
<#else>
<#if description?has_content>${msg("email.billing-payment-failed.failed.for", description, (tenant.name)!"")}<#else>${msg("email.billing-payment-failed.failed", (tenant.name)!"")}</#if>

${msg("email.billing-payment-failed.text.again")}
</#if>
<#if link?has_content>

${link}
</#if>

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
${msg("email.questions")} ${tenant.supportEmail}
</#if>
