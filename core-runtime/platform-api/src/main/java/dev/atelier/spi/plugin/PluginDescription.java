package dev.atelier.spi.plugin;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a plugin declares about itself: the settings a tenant gives it and who processes personal data through it.
 *
 * @param settings the settings a tenant's configuration for this plugin may hold; {@link SettingsSchema#NONE} for none
 * @param disclosures every processor outside the platform that receives personal data through this plugin, in the
 *     order a privacy policy should list them; empty when the plugin keeps everything inside the platform
 */
public record PluginDescription(SettingsSchema settings, List<DataProcessorDisclosure> disclosures) {

    /** No settings, no processors. */
    public static final PluginDescription NONE = new PluginDescription(SettingsSchema.NONE, List.of());

    public PluginDescription {
        Objects.requireNonNull(settings, "settings");
        disclosures = List.copyOf(disclosures);
    }

    /**
     * The disclosures as a tenant shows them: {@link SettingsSchema#DISPLAY_NAME} and
     * {@link SettingsSchema#PROCESSING_LOCATION} in the tenant's {@code config} replace each disclosure's display name
     * and location (a tenant storing its media on Cloudflare R2 through an S3 plugin names "Cloudflare R2").
     *
     * @param config the tenant's configuration for this plugin, as in {@code TenantContext.pluginConfig()}
     */
    public List<DataProcessorDisclosure> disclosuresFor(Map<String, String> config) {
        String name = blankToNull(config.get(SettingsSchema.DISPLAY_NAME.key()));
        String location = blankToNull(config.get(SettingsSchema.PROCESSING_LOCATION.key()));
        return disclosures.stream().map(d -> d.overriddenBy(name, location)).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
