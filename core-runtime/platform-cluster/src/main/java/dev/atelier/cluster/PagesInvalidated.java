package dev.atelier.cluster;

/**
 * The pages a node keeps rendered for a tenant's visitors are out of date (for example a theme was edited): nodes
 * drop them and render afresh.
 *
 * @param tenantId the tenant, or {@code null} for every tenant
 */
public record PagesInvalidated(String tenantId) implements ClusterEvent {

    /** The event's name on the wire. */
    public static final String KIND = "pages.invalidated";
}
