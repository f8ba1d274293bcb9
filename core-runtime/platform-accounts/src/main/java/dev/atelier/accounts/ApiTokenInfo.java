package dev.atelier.accounts;

import java.time.Instant;

/**
 * A personal API token, without its secret.
 *
 * @param id opaque id ({@code tok_} followed by 32 hex digits)
 * @param tenantId the tenant the token works at
 * @param accountId the account the token acts as
 * @param name what the user called it; pages must escape it
 * @param prefix the token's first 8 characters ({@code atl_} and four more), to tell tokens apart on the account page
 * @param createdAt when it was created
 * @param lastUsedAt last recorded use, at most a minute behind; null if never used
 * @param revokedAt when it was revoked; null while it works
 * @param createdBy the {@link SessionInfo#id()} of the signed-in session the token was created in; null for tokens
 *     made before this was recorded or by the platform itself
 */
public record ApiTokenInfo(String id, String tenantId, String accountId, String name, String prefix,
        Instant createdAt, Instant lastUsedAt, Instant revokedAt, String createdBy) {}
