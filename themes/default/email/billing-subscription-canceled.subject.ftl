Your ${(tenant.name)!""} <#if plan?has_content>${plan}<#else>plan</#if> has ended
