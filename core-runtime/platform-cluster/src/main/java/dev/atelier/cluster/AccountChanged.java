package dev.atelier.cluster;

/**
 * What an account's pages show changed (name, email, verification, admin grant) while its sessions still hold: nodes
 * that keep signed-in users in memory read the account afresh on its next request.
 *
 * @param tenantId the tenant of the account
 * @param accountId the account, or {@code null} when any account of the tenant may be concerned (an admin grant)
 */
public record AccountChanged(String tenantId, String accountId) implements ClusterEvent {

    /** The event's name on the wire. */
    public static final String KIND = "account.changed";
}
