<#if renewal?? && renewal>${msg("email.billing-payment-failed.subject.renewal", (tenant.name)!"")}<#else>${msg("email.billing-payment-failed.subject", (tenant.name)!"")}</#if>
