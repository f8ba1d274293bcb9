You have <#if balance?has_content>${balance}<#else>few</#if> ${(tenant.name)!""} credits left
