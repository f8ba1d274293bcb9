package dev.atelier.plugins;

import dev.atelier.core.tenants.PluginSchemas;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.spi.plugin.DataProcessorDisclosure;
import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.plugin.SettingsSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The plugins a tenant's configuration binds (its storage, payment and bot-protection plugins and the models it
 * offers), each with the description the deployed plugin declares: the settings schema its admin form and tenant
 * folders are checked against, and the data-processor disclosures its privacy policy lists. As {@link PluginSchemas}
 * it is what start-up checks tenant folders with.
 */
public final class TenantPluginDescriptions implements PluginSchemas {

    // Models are offered in a list of their own; every other kind is bound in the section named by its key.
    private static final String MODELS_SECTION = "models";

    private final List<PluginKind<?, ?>> kinds;
    private final PluginDescriptions descriptions;

    /**
     * @param kinds the plugin kinds the platform declares
     * @param descriptions the descriptions of the plugins deployed right now
     */
    public TenantPluginDescriptions(List<PluginKind<?, ?>> kinds, PluginDescriptions descriptions) {
        this.kinds = List.copyOf(kinds);
        this.descriptions = descriptions;
    }

    /** The description of the plugin {@code pluginId} named in {@code section}, if it is deployed right now. */
    public Optional<PluginDescription> description(String section, String pluginId) {
        return kindOf(section).flatMap(kind -> descriptions.find(kind.spi(), pluginId));
    }

    /**
     * What people call the plugins of {@code section}: the kind's label ({@code Storage}, {@code Model}), or for a
     * section the platform declares no kind for yet the section's words ({@code content_moderation} as
     * {@code Content moderation}).
     */
    public String label(String section) {
        return kindOf(section).map(PluginKind::label).orElseGet(() -> {
            String words = section.replace('_', ' ');
            return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
        });
    }

    private Optional<PluginKind<?, ?>> kindOf(String section) {
        String key = section.equals(MODELS_SECTION) ? PluginKinds.MODELS.key() : section;
        return kinds.stream().filter(kind -> kind.key().equals(key)).findFirst();
    }

    @Override
    public Optional<SettingsSchema> find(String section, String pluginId) {
        return description(section, pluginId).map(PluginDescription::settings);
    }

    /** Every plugin the tenant binds: the bound kinds by key (payment, storage, ...), then the offered models. */
    public List<DescribedPlugin> of(Tenant tenant) {
        TenantSettings settings = tenant.settings();
        List<DescribedPlugin> bound = new ArrayList<>();
        if (settings == null) {
            return bound;
        }
        new TreeMap<>(settings.plugins()).forEach((section, choice) -> addChoice(bound, section, choice));
        for (TenantSettings.ModelOffer offer : settings.models()) {
            bound.add(new DescribedPlugin(MODELS_SECTION, offer.modelId(), offer.config(),
                    description(MODELS_SECTION, offer.modelId())));
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
