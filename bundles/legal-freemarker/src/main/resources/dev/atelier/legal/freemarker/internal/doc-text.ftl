<#ftl strip_whitespace=true>
<#-- The document blocks as plain text: one line per block, "- " before list items. -->
<#function squash body><#return body?replace("\\s+", " ", "r")?trim></#function>
<#macro line><#local body><#nested></#local>${squash(body)}
</#macro>
<#macro label><@line><#nested></@line></#macro>
<#macro title><@line><#nested></@line></#macro>
<#macro lead><@line><#nested></@line></#macro>
<#macro updated><@line><#nested></@line></#macro>
<#macro heading><@line><#nested></@line></#macro>
<#macro subheading><@line><#nested></@line></#macro>
<#macro p><@line><#nested></@line></#macro>
<#macro list><#nested></#macro>
<#macro item><#local body><#nested></#local>- ${squash(body)}
</#macro>
<#macro email address>${address}</#macro>
<#macro link href><#local body><#nested></#local><#if squash(body) == href>${href}<#else>${squash(body)} (${href})</#if></#macro>
