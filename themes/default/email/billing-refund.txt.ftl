<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
Hello<#if (user.displayName)?has_content> ${user.displayName}</#if>,

${(tenant.name)!""} refunded <#if amount?has_content>${amount}<#else>your payment</#if><#if description?has_content> for ${description}</#if>.
It usually reaches your card within 5 to 10 business days.

<#if amount?has_content>Refunded:           ${amount}
</#if><#if creditsTakenBack?has_content && creditsTakenBack gt 0>Credits taken back: ${creditsTakenBack}
</#if>
<#if owed?has_content && owed gt 0>
You had already spent ${owed} of those credits. They are owed: the
next credits you get (a top-up or your plan's next period) settle
them first, and new generations wait until they are settled.

</#if>
<#if link?has_content>
Your billing:

${link}
</#if>

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
Questions? Write to ${tenant.supportEmail}
</#if>
