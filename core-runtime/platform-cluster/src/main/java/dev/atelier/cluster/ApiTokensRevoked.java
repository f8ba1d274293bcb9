package dev.atelier.cluster;

/**
 * API tokens were revoked: nodes that keep tokens in memory drop them, so the next call with one is refused on every
 * node.
 *
 * @param tenantId the tenant of the account
 * @param accountId whose tokens were revoked
 * @param tokenId the one token revoked, or {@code null} when several or all of the account's were
 */
public record ApiTokensRevoked(String tenantId, String accountId, String tokenId) implements ClusterEvent {

    /** The event's name on the wire. */
    public static final String KIND = "api-tokens.revoked";
}
