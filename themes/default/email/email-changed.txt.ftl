<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
<#if (user.displayName)?has_content>${msg("email.greeting.named", user.displayName)}<#else>${msg("email.greeting")}</#if>

${msg("email.email-changed.text.1")}
<#if link?has_content>

${link}
</#if>
<#if expiresInHours?has_content>

${msg("email.expiry", expiresInHours)}
</#if>

${msg("email.email-changed.text.2")}

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
${msg("email.questions")} ${tenant.supportEmail}
</#if>
