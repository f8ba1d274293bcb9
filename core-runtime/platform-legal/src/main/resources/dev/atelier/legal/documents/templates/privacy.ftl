<#-- The privacy policy every tenant gets unless its folder has templates/legal/privacy.ftl. -->
<#import "_common.ftl" as common>
<#assign name = tenant.name>
<#assign signIn = common.playing(["authentication", "sign_in"])>
<#assign payments = common.playing(["payment"])>
<#assign security = common.playing(["bot_protection", "rate_limiting"])>
<#assign known = ["authentication", "sign_in", "payment", "hosting", "database", "storage", "bot_protection",
    "rate_limiting", "models", "email"]>
<#assign others = processors?filter(p -> !known?seq_contains(p.role))>
<@doc.label>Privacy Policy</@doc.label>
<@doc.title>${name} Privacy Policy</@doc.title>
<@doc.lead>This policy explains how ${name} collects, uses, and protects account, billing, prompt, and uploaded-content
  data when you use the service.</@doc.lead>
<#if tenant.effective_date_text??>
<@doc.updated>Last Updated ${tenant.effective_date_text}</@doc.updated>
</#if>
<@doc.heading>Introduction</@doc.heading>
<@doc.p><#if tenant.product??>${name} is ${tenant.product}. </#if>This Privacy Policy explains the types of
  information we collect when you use our website, editors, account features, and payment flows.</@doc.p>
<@doc.p>We use the information described here to operate the service, secure accounts, process purchases, deliver
  generations, communicate with users, and maintain the reliability of the platform.</@doc.p>
<@doc.heading>Information We Collect</@doc.heading>
<@doc.p>We collect information you provide directly, information created while using the service, and limited
  technical information needed to operate and protect the platform.</@doc.p>
<@doc.list>
  <#if signIn?has_content>
  <@doc.item>Account and sign-in information, including your email address, profile details returned by sign-in
    providers, and account identifiers used to authenticate you.</@doc.item>
  <#else>
  <@doc.item>Account and sign-in information, including your email address and the account identifiers used to
    authenticate you.</@doc.item>
  </#if>
  <@doc.item>Prompt text, uploaded images, uploaded videos, and related generation settings needed to process AI image
    and video requests.</@doc.item>
  <@doc.item>Billing and purchase records related to subscriptions, top-ups, pricing plans, and transaction status.
    <#if payments?has_content>Payment card details are processed by ${common.names(["payment"])} rather than stored
    directly by ${name}.<#else>Payment card details are never stored by ${name}.</#if></@doc.item>
  <@doc.item>Support and communication records, including messages you send to support email addresses and system
    emails sent about your account, billing, or service activity.</@doc.item>
  <@doc.item>Session, cookie, and basic device or request information used to keep you signed in, prevent abuse,
    rate-limit sensitive actions, and diagnose operational issues.</@doc.item>
</@doc.list>
<@doc.heading>How We Use Information</@doc.heading>
<@doc.list>
  <@doc.item>To create and manage accounts, authenticate users, and keep sessions active.</@doc.item>
  <@doc.item>To process prompts, uploads, and generation requests so the service can return image and video
    outputs.</@doc.item>
  <@doc.item>To process subscriptions, top-ups, refunds when applicable, and account credit changes.</@doc.item>
  <@doc.item>To detect fraud, prevent abuse, enforce rate limits, and protect the platform from automated misuse or
    unauthorized activity.</@doc.item>
  <@doc.item>To send transactional emails such as welcome messages, billing notices, and account-related
    updates.</@doc.item>
  <@doc.item>To monitor, maintain, troubleshoot, and improve the service.</@doc.item>
</@doc.list>
<@doc.heading>Third-Party Service Providers</@doc.heading>
<#if processors?has_content>
<@doc.p>${name} relies on third-party providers to operate core parts of the service. Depending on how you use the
  product, relevant providers may process limited information on our behalf or in connection with your use of their
  systems.</@doc.p>
<@doc.list>
  <#if signIn?has_content>
  <@doc.item>Authentication and sign-in providers, including ${common.names(["authentication", "sign_in"])} sign-in
    flows.</@doc.item>
  </#if>
  <#if payments?has_content>
  <@doc.item>Payments infrastructure, including ${common.names(["payment"])} for subscriptions, top-ups, checkout,
    billing portals, and transaction records.</@doc.item>
  </#if>
  <#if common.playing(["hosting", "database"])?has_content>
  <@doc.item>Hosting, database, and deployment infrastructure, including
    ${common.names(["hosting", "database"])}.</@doc.item>
  </#if>
  <#if common.playing(["storage"])?has_content>
  <@doc.item>Storage and media infrastructure, including ${common.names(["storage"])} for uploaded or generated
    files.</@doc.item>
  </#if>
  <#if common.playing(["models"])?has_content>
  <@doc.item>AI model providers, including ${common.names(["models"])} for generating images and videos from prompts
    and uploads.</@doc.item>
  </#if>
  <#if security?has_content>
  <@doc.item>Security and abuse-prevention tooling, including ${common.joined(security?map(p ->
    (p.role == "rate_limiting")?then(p.name + " rate limiting infrastructure", p.name)))}.</@doc.item>
  </#if>
  <#if common.playing(["email"])?has_content>
  <@doc.item>Transactional email delivery, including ${common.names(["email"])}.</@doc.item>
  </#if>
  <#if others?has_content>
  <@doc.item>Other service providers, including ${common.joined(others?map(p -> p.name))}.</@doc.item>
  </#if>
</@doc.list>
<#else>
<@doc.p>${name} runs the service on infrastructure it operates itself and does not share your information with
  third-party service providers.</@doc.p>
</#if>
<@doc.heading>Data Storage, Retention, and Security</@doc.heading>
<@doc.p>We store information using infrastructure and service providers selected to operate the platform, and we keep
  information for as long as reasonably necessary to provide the service, maintain records, resolve disputes, prevent
  abuse, and comply with legal or operational obligations.</@doc.p>
<@doc.p>${name} uses technical and organizational safeguards that are appropriate for an online service of this type,
  including account authentication, abuse controls, signed sessions,
  <#if common.playing(["bot_protection"])?has_content>bot protection,</#if> rate limiting, and infrastructure
  restrictions described in our internal security documentation. No internet service can guarantee absolute
  security.</@doc.p>
<@doc.heading>Your Choices and Contact</@doc.heading>
<@doc.p>If you need help with your account, billing, or questions about this policy, contact us at the email address
  below.</@doc.p>
<#if sections.privacy_rights??>
<@doc.p>We may ask you to verify account ownership before acting on account-related requests. You may ask us for a
  copy of your personal data, to correct it, or to delete your account and the data tied to it<#if
  tenant.jurisdiction??>, as the law of ${tenant.jurisdiction} provides</#if>; we answer within one month.</@doc.p>
<#else>
<@doc.p>We may ask you to verify account ownership before acting on account-related requests. We do not describe
  jurisdiction-specific privacy rights workflows in this draft policy unless and until those processes are formally
  implemented.</@doc.p>
</#if>
<@doc.list>
  <@doc.item>Support contact: <@doc.email tenant.support_email/></@doc.item>
</@doc.list>
<@doc.heading>Changes to This Policy</@doc.heading>
<@doc.p>We may update this Privacy Policy from time to time to reflect product, operational, legal, or business
  changes. When we do, we will update the Last Updated date on this page. Your continued use of the service after an
  update means the revised policy will apply going forward.</@doc.p>
<@doc.heading>Contact</@doc.heading>
<@doc.p>If you have questions about this document, contact <@doc.email tenant.contact_email/>.</@doc.p>
<#if tenant.address??>
<@doc.p>${tenant.company}, ${tenant.address}</@doc.p>
</#if>
