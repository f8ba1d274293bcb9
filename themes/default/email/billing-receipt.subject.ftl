Your ${(tenant.name)!""} receipt<#if amount?has_content>: ${amount}</#if>
