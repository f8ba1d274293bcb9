<#-- The terms of service every tenant gets unless its folder has templates/legal/terms.ftl. -->
<#import "_common.ftl" as common>
<#assign name = tenant.name>
<#assign payments = common.playing(["payment"])>
<#assign models = common.playing(["models"])>
<@doc.label>Terms of Service</@doc.label>
<@doc.title>${name} Terms of Service</@doc.title>
<@doc.lead>These terms govern your use of ${name}<#if tenant.company != name>, operated by ${tenant.company}</#if>.
  By creating an account or using the service you agree to them.</@doc.lead>
<#if tenant.effective_date_text??>
<@doc.updated>Last Updated ${tenant.effective_date_text}</@doc.updated>
</#if>
<@doc.heading>The Service</@doc.heading>
<@doc.p><#if tenant.product??>${name} is ${tenant.product}. </#if>You describe what you want in a prompt, optionally
  add an image or video of your own, and the service generates images and videos for you.</@doc.p>
<@doc.heading>Your Account</@doc.heading>
<@doc.list>
  <@doc.item>You must give a working email address and keep your password to yourself; you are responsible for what
    happens under your account.</@doc.item>
  <@doc.item>Tell us at <@doc.email tenant.support_email/> if you think someone else has used your account.</@doc.item>
  <@doc.item>We may suspend an account that breaks these terms or puts the service or other people at risk.</@doc.item>
</@doc.list>
<@doc.heading>Credits, Plans and Payments</@doc.heading>
<@doc.p>Generations cost credits. Plans renew every period until you cancel them; top-ups are bought once. Credits
  that a plan or a top-up says expire do so at the time shown when you bought them.</@doc.p>
<#if payments?has_content>
<@doc.p>Payments are processed by ${common.names(["payment"])}; their terms apply to the payment itself. A
  generation that fails does not use up your credits.</@doc.p>
<#else>
<@doc.p>Purchases on this site run in test mode: no money is taken. A generation that fails does not use up your
  credits.</@doc.p>
</#if>
<@doc.heading>Your Content</@doc.heading>
<@doc.list>
  <@doc.item>You keep the rights you have in your prompts and uploads, and you may use what you generate, within the
    law and these terms.</@doc.item>
  <@doc.item>You give ${name} the permission it needs to store, process and show your content to you in order to run
    the service<#if models?has_content>, including sending it to ${common.names(["models"])} to generate
    results</#if>.</@doc.item>
  <@doc.item>Do not upload content you have no right to use, and do not use the service to make content that is
    unlawful, harms others, or deceives people about who or what is real.</@doc.item>
</@doc.list>
<@doc.heading>Availability and Liability</@doc.heading>
<@doc.p>We work to keep the service available and your content safe, but the service is provided as it is, and
  generated results may be unexpected or inaccurate. To the extent the law allows, ${tenant.company} is not liable for
  indirect losses, and its liability is limited to what you paid in the twelve months before a claim.</@doc.p>
<#if tenant.jurisdiction??>
<@doc.heading>Governing Law</@doc.heading>
<@doc.p>These terms are governed by the law of ${tenant.jurisdiction}.</@doc.p>
</#if>
<@doc.heading>Changes to These Terms</@doc.heading>
<@doc.p>We may update these terms. When we do, we will update the Last Updated date on this page and, for important
  changes, tell you before they apply.</@doc.p>
<@doc.heading>Contact</@doc.heading>
<@doc.p>If you have questions about these terms, contact <@doc.email tenant.contact_email/>.</@doc.p>
<#if tenant.address??>
<@doc.p>${tenant.company}, ${tenant.address}</@doc.p>
</#if>
