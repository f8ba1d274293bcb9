<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
Hello<#if (user.displayName)?has_content> ${user.displayName}</#if>,

Your account at ${(tenant.name)!""} is ready.
We are glad to have you.
<#if link?has_content>

${link}
</#if>
<#if expiresInHours?has_content>

The link expires in ${expiresInHours} hours.
</#if>



--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
Questions? Write to ${tenant.supportEmail}
</#if>
