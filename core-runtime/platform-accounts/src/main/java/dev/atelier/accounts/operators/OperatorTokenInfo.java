package dev.atelier.accounts.operators;

import java.time.Instant;

/**
 * An operator token, without its secret.
 *
 * @param id opaque id ({@code otk_} followed by 32 hex digits)
 * @param name what the operator called it; pages must escape it
 * @param prefix the token's first 10 characters ({@code atlop_} and four more), to tell tokens apart in lists
 * @param createdAt when it was created
 * @param lastUsedAt last recorded use, at most a minute behind; null if never used
 * @param revokedAt when it was revoked; null while it works
 */
public record OperatorTokenInfo(String id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
        Instant revokedAt) {}
