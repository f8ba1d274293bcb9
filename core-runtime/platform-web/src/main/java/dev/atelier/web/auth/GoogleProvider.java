package dev.atelier.web.auth;

import dev.atelier.oidc.OidcProvider;
import java.net.URI;
import java.time.Duration;

/**
 * The OpenID provider behind "Sign in with Google" ({@code atelier.accounts.google.issuer}); one for the whole platform,
 * each tenant bringing its own client id and secret.
 */
public final class GoogleProvider {

    private final OidcProvider provider;

    public GoogleProvider(URI issuer) {
        this.provider = new OidcProvider(issuer, Duration.ofSeconds(10));
    }

    public OidcProvider provider() {
        return provider;
    }
}
