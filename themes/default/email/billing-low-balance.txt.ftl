<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
Hello<#if (user.displayName)?has_content> ${user.displayName}</#if>,

You have <#if balance?has_content>${balance}<#else>few</#if> credits left at ${(tenant.name)!""}<#if threshold?has_content>, below ${threshold}</#if>.
When they run out, new generations wait until you add more.

A top-up or a plan adds credits at once. We tell you this once; you
hear from us again only if your balance drops this low again after
you add credits.
<#if link?has_content>

${link}
</#if>

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
Questions? Write to ${tenant.supportEmail}
</#if>
