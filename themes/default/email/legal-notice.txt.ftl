<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
Hello<#if (user.displayName)?has_content> ${user.displayName}</#if>,

${(tenant.name)!""} has published version ${version!""} of its ${(document!"terms")?lower_case}<#if effectiveDate?has_content>,
effective ${effectiveDate}</#if>.

<#if mustAccept!false>
Please read it and accept it the next time you sign in: until you
do, you can still view your creations, but not start new ones or
make purchases.
<#else>
There is nothing you need to do. You will see a short notice on the
site until you close it.
</#if>
<#if link?has_content>

${link}
</#if>

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
Questions? Write to ${tenant.supportEmail}
</#if>
