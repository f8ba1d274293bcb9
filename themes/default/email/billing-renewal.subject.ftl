Your ${(tenant.name)!""} plan renewed<#if credits?has_content && credits gt 0>: ${credits} new credits</#if>
