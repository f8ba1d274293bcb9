package dev.atelier.oidc;

import java.net.URI;
import java.util.Objects;

/**
 * What must be remembered between {@link OidcProvider#begin} and {@link OidcProvider#complete}; the caller keeps it,
 * e.g. in a sealed cookie, and must keep it confidential and tamper-proof (it holds the PKCE code verifier).
 *
 * @param authorizationUri where to send the browser: the provider's authorization endpoint with every parameter set
 * @param state            the value the provider echoes back in the {@code state} query parameter of the callback;
 *                         the caller compares the two before calling {@link OidcProvider#complete}
 * @param nonce            the value the ID token must carry in its {@code nonce} claim
 * @param codeVerifier     the PKCE code verifier sent with the code exchange; never printed by {@link #toString()}
 */
public record PendingAuthorization(URI authorizationUri, String state, String nonce, String codeVerifier) {

    public PendingAuthorization {
        Objects.requireNonNull(authorizationUri, "authorizationUri");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
    }

    /** Leaves out the code verifier, which together with a leaked code would let anyone finish the sign-in. */
    @Override
    public String toString() {
        return "PendingAuthorization[authorizationUri=" + authorizationUri + ", state=" + state + ", nonce=" + nonce
                + ", codeVerifier=(hidden)]";
    }
}
