<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
Hello<#if (user.displayName)?has_content> ${user.displayName}</#if>,

Thank you for your purchase. Your payment to ${(tenant.name)!""} went
through.

<#if description?has_content>Bought:  ${description}
</#if><#if amount?has_content>Amount:  ${amount}
</#if><#if credits?has_content && credits gt 0>Credits: ${credits}
</#if><#if nextRenewal?has_content>Renews on: ${nextRenewal}
</#if>
<#if link?has_content>
Your receipt, to view or print:

${link}
</#if>

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
Questions? Write to ${tenant.supportEmail}
</#if>
