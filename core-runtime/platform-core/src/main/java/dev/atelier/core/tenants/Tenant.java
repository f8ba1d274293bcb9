package dev.atelier.core.tenants;

import java.time.Instant;
import java.util.List;

/**
 * A tenant: one brand served by the platform, with its own host names, branding and settings. Immutable snapshot;
 * get the current one from {@link TenantDirectory}.
 *
 * @param id opaque stable id ({@code tnt_...})
 * @param slug short lower-case name used in host names, folders and logs ({@code auratuner})
 * @param displayName the brand's name as people see it ({@code AuraTuner})
 * @param status whether the site serves
 * @param supportEmail where users write for help; shown on pages and used as the sender of mail
 * @param hosts every host name that selects this tenant, lower case, without port; includes
 *     {@code <slug>.<base domain>}; the first is the canonical host (see {@link #canonicalHost()})
 * @param branding how the site looks
 * @param settings everything else the tenant configures (models, plans, plugins, legal facts)
 * @param updatedAt when the tenant last changed
 */
public record Tenant(
        String id,
        String slug,
        String displayName,
        TenantStatus status,
        String supportEmail,
        List<String> hosts,
        Branding branding,
        TenantSettings settings,
        Instant updatedAt) {

    public Tenant {
        hosts = List.copyOf(hosts);
    }

    /**
     * The host that links in email point to, whatever host a request came in on: {@code canonical_host} in
     * tenant.yaml, else the first of its {@code hosts}, else {@code <slug>.<base domain>}.
     */
    public String canonicalHost() {
        return hosts.isEmpty() ? null : hosts.get(0);
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }
}
