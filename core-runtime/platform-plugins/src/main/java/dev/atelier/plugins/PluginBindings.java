package dev.atelier.plugins;

import java.util.Map;
import java.util.Optional;

/**
 * One tenant's plugin bindings: by {@link PluginKind#key() kind key}, the plugin it chose and its settings.
 *
 * @param tenantId the tenant's id, handed to plugins as {@code TenantContext.tenantId()}
 * @param tenantSlug the tenant's slug
 * @param byKind kind key to binding
 */
public record PluginBindings(String tenantId, String tenantSlug, Map<String, PluginBinding> byKind) {

    public PluginBindings {
        byKind = Map.copyOf(byKind);
    }

    /** What the tenant bound for {@code kind}, if anything. */
    public Optional<PluginBinding> of(PluginKind<?, ?> kind) {
        return Optional.ofNullable(byKind.get(kind.key()));
    }
}
