<#ftl strip_whitespace=true>
<#-- The document blocks as Markdown: one line per block; the renderer puts blank lines between blocks. -->
<#function squash body><#return body?replace("\\s+", " ", "r")?trim></#function>
<#macro line prefix=""><#local body><#nested></#local>${prefix}${squash(body)}
</#macro>
<#macro label><@line><#nested></@line></#macro>
<#macro title><@line "# "><#nested></@line></#macro>
<#macro lead><@line><#nested></@line></#macro>
<#macro updated><@line><#nested></@line></#macro>
<#macro heading><@line "## "><#nested></@line></#macro>
<#macro subheading><@line "### "><#nested></@line></#macro>
<#macro p><@line><#nested></@line></#macro>
<#macro list><#nested></#macro>
<#macro item><@line "- "><#nested></@line></#macro>
<#macro email address><${address}></#macro>
<#macro link href>[<#nested>](${href})</#macro>
