<#-- Helpers the shipped documents share. Import it: <#import "_common.ftl" as common> -->
<#-- "A", "A and B", "A, B, and C" -->
<#function joined items>
  <#if items?size == 0><#return ""></#if>
  <#if items?size == 1><#return items[0]></#if>
  <#if items?size == 2><#return items[0] + " and " + items[1]></#if>
  <#return items[0..items?size - 2]?join(", ") + ", and " + items?last>
</#function>
<#-- The processors playing one of the roles given, in the order the platform lists them. -->
<#function playing roles>
  <#return processors?filter(p -> roles?seq_contains(p.role))>
</#function>
<#-- Their names, joined. -->
<#function names roles>
  <#return joined(playing(roles)?map(p -> p.name))>
</#function>
