<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
<#if (user.displayName)?has_content>${msg("email.greeting.named", user.displayName)}<#else>${msg("email.greeting")}</#if>

<#if endedOn?has_content>${msg("email.billing-subscription-canceled.ended.on", (plan?? && plan?has_content)?then(plan, msg("email.billing.plan_word")), (tenant.name)!"", endedOn)}<#else>${msg("email.billing-subscription-canceled.ended", (plan?? && plan?has_content)?then(plan, msg("email.billing.plan_word")), (tenant.name)!"")}</#if>
${msg("email.billing-subscription-canceled.no_charge")}
<#if creditsUntil?has_content>

${msg("email.billing-subscription-canceled.until", creditsUntil)}
</#if>

${msg("email.billing-subscription-canceled.text.stay")}
<#if link?has_content>

${link}
</#if>

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
${msg("email.questions")} ${tenant.supportEmail}
</#if>
