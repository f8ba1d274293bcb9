<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
<#if (user.displayName)?has_content>${msg("email.greeting.named", user.displayName)}<#else>${msg("email.greeting")}</#if>

${msg("email.billing-low-balance.text.have", balance?has_content?then(balance, msg("email.billing-low-balance.few")), (tenant.name)!"")}<#if threshold?has_content>, ${msg("email.billing-low-balance.below", threshold)}</#if>.
${msg("email.billing-low-balance.run_out")}

${msg("email.billing-low-balance.text.once")}
<#if link?has_content>

${link}
</#if>

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
${msg("email.questions")} ${tenant.supportEmail}
</#if>
