package dev.atelier.web.site.admin;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.spi.storage.StorageBackend;
import dev.atelier.web.site.DeployedPlugins;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which plugins a tenant's configuration names, and whether each is deployed right now. Naming a plugin that is not
 * deployed is allowed (bundles come and go at runtime); the admin area shows it as unavailable until it is.
 */
public final class TenantPlugins {

    /** A plugin kind: its SPI interface, the service property that names a plugin, and where the tenant chose one. */
    private record Kind(
            String label, String spi, String idProperty, Function<TenantSettings, TenantSettings.PluginChoice> choice) {}

    private static final List<Kind> KINDS = List.of(
            // The payment SPI arrives with billing; until a bundle implements it, every payment plugin is unavailable.
            new Kind("Payments", "dev.atelier.spi.payment.PaymentProvider", "atelier.payment.id",
                    TenantSettings::payment),
            new Kind("Storage", StorageBackend.class.getName(), StorageBackend.BACKEND_ID, TenantSettings::storage));

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
        for (Kind kind : KINDS) {
            TenantSettings.PluginChoice choice = kind.choice().apply(settings);
            if (choice != null && choice.plugin() != null) {
                plugins.add(entry(kind.label(), choice.plugin(),
                        host.hasService(kind.spi(), kind.idProperty(), choice.plugin())));
            }
        }
        for (TenantSettings.ModelOffer offer : settings.models()) {
            plugins.add(entry("Model", offer.modelId(), host.models().find(offer.modelId()).isPresent()));
        }
        return plugins;
    }

    private static Map<String, Object> entry(String kind, String plugin, boolean available) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", kind);
        entry.put("plugin", plugin);
        entry.put("available", available);
        return entry;
    }
}
