<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
Hello<#if (user.displayName)?has_content> ${user.displayName}</#if>,

We could not take your payment to ${(tenant.name)!""}.
<#if reason?has_content>
Your bank or card provider said: "${reason}".
</#if>

Nothing was charged. To keep your plan running, check your card or
choose another one on your account's billing page, where the link to
manage your payment details is:
<#if link?has_content>

${link}
</#if>

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
Questions? Write to ${tenant.supportEmail}
</#if>
