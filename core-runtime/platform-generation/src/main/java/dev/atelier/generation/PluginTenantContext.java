package dev.atelier.generation;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.spi.tenant.TenantContext;
import java.util.Map;

/** The tenant as a plugin sees it in one call: id, slug, the settings of that plugin, and a correlation id for logs. */
record PluginTenantContext(String tenantId, String tenantSlug, Map<String, String> pluginConfig, String correlationId)
        implements TenantContext {

    PluginTenantContext {
        pluginConfig = Map.copyOf(pluginConfig);
    }

    static PluginTenantContext of(Tenant tenant, Map<String, String> config, String correlationId) {
        return new PluginTenantContext(tenant.id(), tenant.slug(), config == null ? Map.of() : config, correlationId);
    }
}
