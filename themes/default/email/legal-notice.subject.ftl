<#if mustAccept!false>Please review and accept our updated ${(document!"terms")?lower_case}<#else>We have updated our ${(document!"terms")?lower_case}</#if>
