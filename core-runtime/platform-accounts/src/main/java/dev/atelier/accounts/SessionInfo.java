package dev.atelier.accounts;

import java.time.Instant;

/**
 * A signed-in session, as the account page lists it.
 *
 * @param id the SHA-256 (hex) of the cookie secret: names the session (for example to revoke it from the account
 *     page) but cannot be turned back into a working cookie
 * @param tenantId the tenant the session belongs to
 * @param accountId the signed-in account
 * @param createdAt when the user signed in (or the session was rotated)
 * @param lastSeenAt last recorded use; recorded at most once a minute, so up to a minute behind
 * @param idleExpiresAt when the session ends unless used before
 * @param absoluteExpiresAt when the session ends however much it is used
 * @param userAgent the browser's User-Agent at sign-in, at most 300 characters; null if it sent none. Pages must
 *     escape it
 * @param ip the client address at sign-in; null if unknown
 */
public record SessionInfo(String id, String tenantId, String accountId, Instant createdAt, Instant lastSeenAt,
        Instant idleExpiresAt, Instant absoluteExpiresAt, String userAgent, String ip) {}
