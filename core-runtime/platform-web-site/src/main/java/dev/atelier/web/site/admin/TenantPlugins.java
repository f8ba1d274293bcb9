package dev.atelier.web.site.admin;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.plugins.TenantBindings;
import dev.atelier.plugins.PluginBinding;
import dev.atelier.plugins.PluginBindings;
import dev.atelier.plugins.PluginKind;
import dev.atelier.web.tenant.DeployedPlugins;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which plugins a tenant's configuration names, and whether each is deployed right now. Naming a plugin that is not
 * deployed is allowed (bundles come and go at runtime); the admin area shows it as unavailable until it is.
 */
public final class TenantPlugins {

    private final DeployedPlugins host;

    public TenantPlugins(DeployedPlugins host) {
        this.host = host;
    }

    /** One entry per configured plugin and offered model: {@code kind}, {@code plugin}, {@code available}. */
    public List<Map<String, Object>> of(Tenant tenant) {
        List<Map<String, Object>> plugins = new ArrayList<>();
        TenantSettings settings = tenant.settings();
        if (settings == null) {
            return plugins;
        }
        PluginBindings bindings = TenantBindings.of(tenant);
        Map<String, PluginBinding> undeclared = new TreeMap<>(bindings.byKind());
        for (PluginKind<?, ?> kind : host.kinds()) {
            undeclared.remove(kind.key());
            bindings.of(kind).ifPresent(binding -> plugins.add(entry(kind.label(), binding.plugin(),
                    host.serves(kind, binding.plugin()))));
        }
        // A kind the platform declares no SPI for yet (payments, until billing brings it) cannot be served.
        undeclared.forEach((key, binding) -> plugins.add(entry(label(key), binding.plugin(), false)));
        for (TenantSettings.ModelOffer offer : settings.models()) {
            plugins.add(entry("Model", offer.modelId(), host.models().find(offer.modelId()).isPresent()));
        }
        return plugins;
    }

    /** {@code bot_protection} as {@code Bot protection}. */
    private static String label(String key) {
        String words = key.replace('_', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static Map<String, Object> entry(String kind, String plugin, boolean available) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", kind);
        entry.put("plugin", plugin);
        entry.put("available", available);
        return entry;
    }
}
