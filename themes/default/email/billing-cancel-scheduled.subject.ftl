Your ${(tenant.name)!""} <#if plan?has_content>${plan}<#else>plan</#if> is canceled<#if endsOn?has_content> and ends on ${endsOn}</#if>
