<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
Hello<#if (user.displayName)?has_content> ${user.displayName}</#if>,

Your <#if description?has_content>${description}<#else>plan</#if> at ${(tenant.name)!""} renewed for another
period.

<#if amount?has_content>Amount:       ${amount}
</#if><#if credits?has_content && credits gt 0>New credits:  ${credits}
</#if><#if nextRenewal?has_content>Next renewal: ${nextRenewal}
</#if>
You can change or cancel your plan at any time from your account's
billing page.
<#if link?has_content>

Your receipt, to view or print:

${link}
</#if>

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
Questions? Write to ${tenant.supportEmail}
</#if>
