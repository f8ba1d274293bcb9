<#-- Plain text: nothing is escaped. Keep lines under 72 characters; links stand on their own line. -->
<#if (user.displayName)?has_content>${msg("email.greeting.named", user.displayName)}<#else>${msg("email.greeting")}</#if>

${msg("email.legal-notice.published", (tenant.name)!"", version!"", (document!msg("email.legal-notice.terms"))?lower_case)}<#if effectiveDate?has_content>,
${msg("email.legal-notice.effective", effectiveDate)}</#if>.

<#if mustAccept!false>
${msg("email.legal-notice.text.accept")}
<#else>
${msg("email.legal-notice.text.notify")}
</#if>
<#if link?has_content>

${link}
</#if>

--
${(tenant.name)!""}
<#if (tenant.supportEmail)?has_content>
${msg("email.questions")} ${tenant.supportEmail}
</#if>
