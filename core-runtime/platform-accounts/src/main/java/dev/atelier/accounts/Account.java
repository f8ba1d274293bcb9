package dev.atelier.accounts;

import java.time.Instant;

/**
 * An end user of one tenant.
 *
 * @param id opaque id ({@code acc_} followed by 32 hex digits of a UUIDv7)
 * @param tenantId the tenant the account belongs to
 * @param email normalized email: trimmed, Unicode NFKC, lower case
 * @param displayName the name as the user typed it (trimmed); pages must escape it
 * @param emailVerified whether the user followed a verification link
 * @param createdAt when the account was created
 * @param hasPassword whether the account has a password; accounts created through an external sign-in have none
 *     until the user sets one, so pages must not ask them for a current password they never had
 */
public record Account(String id, String tenantId, String email, String displayName, boolean emailVerified,
        Instant createdAt, boolean hasPassword) {}
