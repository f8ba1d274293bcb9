package dev.atelier.cluster;

/**
 * A tenant's configuration changed (settings, plans, branding, templates, hosts, status): nodes read the tenant
 * directory again and drop what they cached for the tenant.
 *
 * @param tenantId the tenant ({@code tnt_...}), or {@code null} when any number of tenants changed (tenant folders
 *     applied)
 */
public record TenantChanged(String tenantId) implements ClusterEvent {

    /** The event's name on the wire. */
    public static final String KIND = "tenant.changed";
}
