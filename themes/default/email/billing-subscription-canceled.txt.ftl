<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
Hello<#if (user.displayName)?has_content> ${user.displayName}</#if>,

Your <#if plan?has_content>${plan}<#else>plan</#if> at ${(tenant.name)!""} ended<#if endedOn?has_content> on ${endedOn}</#if>.
You will not be charged again.
<#if creditsUntil?has_content>

The credits of its last period stay yours to use until ${creditsUntil}.
</#if>

Your account, gallery and any credits you bought as top-ups stay as
they are. You can start a plan again at any time:
<#if link?has_content>

${link}
</#if>

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
Questions? Write to ${tenant.supportEmail}
</#if>
