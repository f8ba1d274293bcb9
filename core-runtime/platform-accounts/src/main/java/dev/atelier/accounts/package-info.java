/**
 * End-user accounts of a tenant: sign-up with email and password, email verification, sign-in, password reset and
 * change, server-side sessions ({@link dev.atelier.accounts.Sessions}) and personal API tokens
 * ({@link dev.atelier.accounts.ApiTokens}), sign-in with external providers
 * ({@link dev.atelier.accounts.ExternalSignIns}), email change, tenant admins
 * ({@link dev.atelier.accounts.TenantAdmins}), consents to legal documents and the export and erasure of a
 * person's data ({@link dev.atelier.accounts.PersonalData}). Every call names its tenant; an account, its email, its sessions and
 * its tokens exist in that tenant only.
 */
package dev.atelier.accounts;
