${(tenant.name)!""} refunded <#if amount?has_content>${amount}<#else>your payment</#if>
