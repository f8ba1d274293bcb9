<#if credits?has_content && credits gt 0>${msg("email.billing-renewal.subject.credits", (tenant.name)!"", credits)}<#else>${msg("email.billing-renewal.subject", (tenant.name)!"")}</#if>
