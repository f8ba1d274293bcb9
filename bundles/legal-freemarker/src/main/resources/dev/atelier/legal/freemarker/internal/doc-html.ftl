<#ftl output_format="HTML" strip_whitespace=true>
<#-- The document blocks as HTML. A block's text is written on one line whatever its line breaks in the template. -->
<#function squash body><#return body?markup_string?replace("\\s+", " ", "r")?trim?no_esc></#function>
<#macro label><#local body><#nested></#local><p class="legal-label">${squash(body)}</p>
</#macro>
<#macro title><#local body><#nested></#local><h1>${squash(body)}</h1>
</#macro>
<#macro lead><#local body><#nested></#local><p class="legal-lead">${squash(body)}</p>
</#macro>
<#macro updated><#local body><#nested></#local><p class="legal-updated">${squash(body)}</p>
</#macro>
<#macro heading><#local body><#nested></#local><h2>${squash(body)}</h2>
</#macro>
<#macro subheading><#local body><#nested></#local><h3>${squash(body)}</h3>
</#macro>
<#macro p><#local body><#nested></#local><p>${squash(body)}</p>
</#macro>
<#macro list><ul>
<#nested></ul>
</#macro>
<#macro item><#local body><#nested></#local><li>${squash(body)}</li>
</#macro>
<#macro email address><a href="mailto:${address}">${address}</a></#macro>
<#macro link href><#if !href?matches("(https?|mailto):.*")><#stop "a link must start with https:, http: or mailto:, was " + href></#if><a href="${href}"><#nested></a></#macro>
