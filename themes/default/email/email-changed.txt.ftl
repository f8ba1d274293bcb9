<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
Hello<#if (user.displayName)?has_content> ${user.displayName}</#if>,

The email address of your account was changed.
If you made this change, there is nothing to do.
<#if link?has_content>

${link}
</#if>
<#if expiresInHours?has_content>

The link expires in ${expiresInHours} hours.
</#if>

If you did not, please contact us right away.

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
Questions? Write to ${tenant.supportEmail}
</#if>
