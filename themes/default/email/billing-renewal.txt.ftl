<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
<#if (user.displayName)?has_content>${msg("email.greeting.named", user.displayName)}<#else>${msg("email.greeting")}</#if>

${msg("email.billing-renewal.renewed", (description?? && description?has_content)?then(description, msg("email.billing.plan_word")), (tenant.name)!"")}

<#if amount?has_content>${msg("email.billing-renewal.text.amount", amount)}
</#if><#if credits?has_content && credits gt 0>${msg("email.billing-renewal.text.new_credits", credits)}
</#if><#if nextRenewal?has_content>${msg("email.billing-renewal.text.next_renewal", nextRenewal)}
</#if>
${msg("email.billing-renewal.text.change")}
<#if link?has_content>

${msg("email.billing.receipt_link")}

${link}
</#if>

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
${msg("email.questions")} ${tenant.supportEmail}
</#if>
