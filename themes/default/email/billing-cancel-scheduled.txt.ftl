<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
Hello<#if (user.displayName)?has_content> ${user.displayName}</#if>,

Your <#if plan?has_content>${plan}<#else>plan</#if> at ${(tenant.name)!""} is canceled.
It stays active until <#if endsOn?has_content>${endsOn}, </#if>the end of the period you paid
for, and you will not be charged again.

Its credits stay yours to use until then. Changed your mind? You can
keep the plan from your account's billing page before it ends:
<#if link?has_content>

${link}
</#if>

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
Questions? Write to ${tenant.supportEmail}
</#if>
