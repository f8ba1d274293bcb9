package dev.atelier.cluster;

/**
 * Sign-in sessions ended before their time (signed out, signed out elsewhere, password changed, account deleted):
 * nodes that keep sessions in memory drop them, so the next request with one is refused on every node.
 *
 * @param tenantId the tenant of the account
 * @param accountId whose sessions ended
 * @param sessionId the one session that ended, or {@code null} when several or all of the account's did
 */
public record SessionsRevoked(String tenantId, String accountId, String sessionId) implements ClusterEvent {

    /** The event's name on the wire. */
    public static final String KIND = "sessions.revoked";
}
