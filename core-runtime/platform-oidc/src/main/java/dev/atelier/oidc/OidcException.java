package dev.atelier.oidc;

import java.util.Objects;

/**
 * Why a sign-in was refused. The message is safe to log: it never contains codes, tokens, secrets or verifiers.
 * {@link #reason()} is for tests and metrics.
 */
public final class OidcException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The step that refused the sign-in. */
    public enum Reason {
        /** The provider's OpenID configuration or signing keys could not be read, or were unusable. */
        DISCOVERY_FAILED,
        /** The token endpoint refused the code or could not be reached, or answered without an ID token. */
        TOKEN_EXCHANGE_FAILED,
        /** The ID token's signature, issuer, audience, expiry or issue time did not check out. */
        INVALID_ID_TOKEN,
        /** The ID token is valid but was issued for another sign-in attempt (its nonce differs). */
        NONCE_MISMATCH
    }

    private final Reason reason;

    public OidcException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public OidcException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
