package dev.atelier.accounts;

import java.time.Instant;

/**
 * A way an account signs in besides its password: an identity at an external provider, as the account page lists it.
 *
 * @param provider the provider's id, such as {@code google}
 * @param email the email the provider reported when the identity was linked; may differ from the account's email
 *     since, and may be null
 * @param createdAt when the identity was linked
 */
public record Identity(String provider, String email, Instant createdAt) {}
