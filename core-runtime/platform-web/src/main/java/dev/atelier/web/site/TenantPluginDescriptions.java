package dev.atelier.web.site;

import dev.atelier.core.tenants.PluginSchemas;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.plugins.PluginDescriptions;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.plugin.DataProcessorDisclosure;
import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.plugin.PluginService;
import dev.atelier.spi.plugin.SettingsSchema;
import dev.atelier.spi.storage.StorageBackend;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plugins a tenant's configuration binds (its storage, payment and bot-protection plugins and the models it
 * offers), each with the description the deployed plugin declares: the settings schema its admin form and tenant
 * folders are checked against, and the data-processor disclosures its privacy policy lists. As {@link PluginSchemas}
 * it is what start-up checks tenant folders with.
 */
public final class TenantPluginDescriptions implements PluginSchemas {

    // Sections of tenant.yaml by the SPI whose plugins they name; payment and bot protection join with their SPIs.
    private static final Map<String, Class<? extends PluginService>> SPI_BY_SECTION =
            Map.of("models", GenerationModel.class, "storage", StorageBackend.class);

    private final PluginDescriptions descriptions;

    public TenantPluginDescriptions(PluginDescriptions descriptions) {
        this.descriptions = descriptions;
    }

    /** The description of the plugin {@code pluginId} named in {@code section}, if it is deployed right now. */
    public Optional<PluginDescription> description(String section, String pluginId) {
        Class<? extends PluginService> spi = SPI_BY_SECTION.get(section);
        return spi == null ? Optional.empty() : descriptions.find(spi, pluginId);
    }

    @Override
    public Optional<SettingsSchema> find(String section, String pluginId) {
        return description(section, pluginId).map(PluginDescription::settings);
    }

    /** Every plugin the tenant's configuration binds, in the order of tenant.yaml's sections. */
    public List<DescribedPlugin> of(Tenant tenant) {
        TenantSettings settings = tenant.settings();
        List<DescribedPlugin> bound = new ArrayList<>();
        if (settings == null) {
            return bound;
        }
        addChoice(bound, "storage", settings.storage());
        addChoice(bound, "payment", settings.payment());
        addChoice(bound, "bot_protection", settings.botProtection());
        for (TenantSettings.ModelOffer offer : settings.models()) {
            bound.add(new DescribedPlugin("models", offer.modelId(), offer.config(),
                    description("models", offer.modelId())));
        }
        return bound;
    }

    /**
     * Who processes personal data through the tenant's plugins, as its privacy policy names them: each deployed
     * plugin's disclosures with the tenant's display name and location applied, each processor once.
     */
    public List<DataProcessorDisclosure> disclosures(Tenant tenant) {
        LinkedHashSet<DataProcessorDisclosure> all = new LinkedHashSet<>();
        of(tenant).forEach(plugin -> all.addAll(plugin.disclosures()));
        return List.copyOf(all);
    }

    private void addChoice(List<DescribedPlugin> bound, String section, TenantSettings.PluginChoice choice) {
        if (choice != null && choice.plugin() != null) {
            bound.add(new DescribedPlugin(section, choice.plugin(), choice.config(),
                    description(section, choice.plugin())));
        }
    }
}
