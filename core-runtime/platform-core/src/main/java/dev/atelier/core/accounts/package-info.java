/**
 * End-user accounts of a tenant: sign-up with email and password, email verification, sign-in, password reset and
 * change. Every call names its tenant; an account, its email and its tokens exist in that tenant only.
 */
package dev.atelier.core.accounts;
