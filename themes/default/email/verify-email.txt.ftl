<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
Hello<#if (user.displayName)?has_content> ${user.displayName}</#if>,

Please confirm that this is your email address by
opening this link:
<#if link?has_content>

${link}
</#if>
<#if expiresInHours?has_content>

The link expires in ${expiresInHours} hours.
</#if>

If you did not create an account, you can ignore this email.

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
Questions? Write to ${tenant.supportEmail}
</#if>
