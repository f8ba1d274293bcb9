<#if amount?has_content>${msg("email.billing-receipt.subject.amount", (tenant.name)!"", amount)}<#else>${msg("email.billing-receipt.subject", (tenant.name)!"")}</#if>
