/**
 * Signing in with an OpenID Connect provider such as Google, as a relying party using the authorization-code flow
 * with PKCE.
 *
 * <p>A sign-in has two halves. {@link dev.atelier.oidc.OidcProvider#begin} returns a
 * {@link dev.atelier.oidc.PendingAuthorization}: send the browser to its {@code authorizationUri()} and keep the
 * rest (state, nonce, code verifier) on the caller's side, e.g. in a sealed, short-lived cookie. When the provider
 * redirects back, first compare the {@code state} query parameter with {@code pending.state()} (this package does
 * not see the callback request, so that check is the caller's), then hand the {@code code} to
 * {@link dev.atelier.oidc.OidcProvider#complete}, which exchanges it and returns a
 * {@link dev.atelier.oidc.VerifiedIdentity} only for an ID token that passed every check. Refusals are
 * {@link dev.atelier.oidc.OidcException}s whose message is safe to log.
 */
package dev.atelier.oidc;
