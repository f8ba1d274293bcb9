<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
<#if (user.displayName)?has_content>${msg("email.greeting.named", user.displayName)}<#else>${msg("email.greeting")}</#if>

${msg("email.billing-receipt.text.paid", (tenant.name)!"")}

<#if description?has_content>${msg("email.billing-receipt.text.bought", description)}
</#if><#if amount?has_content>${msg("email.billing-receipt.text.amount", amount)}
</#if><#if credits?has_content && credits gt 0>${msg("email.billing-receipt.text.credits", credits)}
</#if><#if nextRenewal?has_content>${msg("email.billing-receipt.text.renews_on", nextRenewal)}
</#if>
<#if link?has_content>
${msg("email.billing.receipt_link")}

${link}
</#if>

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
${msg("email.questions")} ${tenant.supportEmail}
</#if>
