/**
 * Bot challenges on tenant sites: the widget of the tenant's bot-protection plugin on sign-up, on sign-in after failed
 * attempts and on checkout, its origins let through the page's Content-Security-Policy, and the submitted token
 * verified before the form is acted on. A tenant that binds no bot protection sees none of it.
 */
package dev.atelier.web.bots;
