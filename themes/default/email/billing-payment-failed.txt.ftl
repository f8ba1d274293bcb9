<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
Hello<#if (user.displayName)?has_content> ${user.displayName}</#if>,

<#if renewal?? && renewal>
We could not take the payment for the next period of your
<#if description?has_content>${description}<#else>plan</#if> at ${(tenant.name)!""}. Nothing was charged.

Your plan stays active while the payment is tried again. To keep it,
check your card or choose another one on your account's billing
page, where the link to manage your payment details is:
<#else>
Your payment<#if description?has_content> for ${description}</#if> at ${(tenant.name)!""} did not go
through. Nothing was charged.

You can try again with the same or another card from your account's
billing page, where the link to manage your payment details is:
</#if>
<#if link?has_content>

${link}
</#if>

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
Questions? Write to ${tenant.supportEmail}
</#if>
