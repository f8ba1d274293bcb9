<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
Hello<#if (user.displayName)?has_content> ${user.displayName}</#if>,

Someone asked to reset the password of your account.
Open this link to choose a new one:
<#if link?has_content>

${link}
</#if>
<#if expiresInHours?has_content>

The link expires in ${expiresInHours} hours.
</#if>

If it was not you, ignore this email: your password
stays the same.

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
Questions? Write to ${tenant.supportEmail}
</#if>
