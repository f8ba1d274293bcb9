package dev.atelier.web.operator.tenants;

import dev.atelier.core.tenants.Tenant;
import java.util.List;
import java.util.Locale;

/**
 * One tenant as the operator sees it, in the console's list and in {@code /api/v1/operator/tenants} (snake_case JSON).
 *
 * @param slug the tenant's short name
 * @param name the brand's name
 * @param status {@code active} or {@code suspended}
 * @param hosts every host name that selects it, the canonical one first
 * @param usage accounts, generations and credits spent
 * @param adminUrl its admin area, on its own host
 */
public record TenantView(String slug, String name, String status, List<String> hosts, TenantUsage usage,
        String adminUrl) {

    public TenantView {
        hosts = List.copyOf(hosts);
    }

    static TenantView of(Tenant tenant, TenantUsage usage, String adminUrl) {
        return new TenantView(tenant.slug(), tenant.displayName(), tenant.status().name().toLowerCase(Locale.ROOT),
                tenant.hosts(), usage, adminUrl);
    }

    /** Whether its site serves (for the templates). */
    public boolean active() {
        return "active".equals(status);
    }
}
