<#if renewal?? && renewal>Your ${(tenant.name)!""} plan could not be renewed<#else>Your payment to ${(tenant.name)!""} did not go through</#if>
