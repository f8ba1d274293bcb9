package dev.atelier.oidc;

import java.util.Objects;

/**
 * Claims of an ID token that passed signature, issuer, audience, time and nonce checks.
 *
 * <p>An account is identified by {@code issuer} and {@code subject} together; the e-mail address can change and,
 * unless {@code emailVerified}, has not been proven to belong to the person signing in.
 *
 * @param issuer        the {@code iss} claim, the provider's issuer identifier
 * @param subject       the {@code sub} claim, stable per provider and person
 * @param email         the {@code email} claim, or {@code null} when the provider did not send one
 * @param emailVerified the {@code email_verified} claim; {@code false} when absent
 * @param name          the {@code name} claim, or {@code null} when the provider did not send one
 */
public record VerifiedIdentity(String issuer, String subject, String email, boolean emailVerified, String name) {

    public VerifiedIdentity {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
    }
}
