/**
 * End-user accounts of a tenant: sign-up with email and password, email verification, sign-in, password reset and
 * change, server-side sessions ({@link dev.atelier.core.accounts.Sessions}) and personal API tokens
 * ({@link dev.atelier.core.accounts.ApiTokens}). Every call names its tenant; an account, its email, its sessions and
 * its tokens exist in that tenant only.
 */
package dev.atelier.core.accounts;
