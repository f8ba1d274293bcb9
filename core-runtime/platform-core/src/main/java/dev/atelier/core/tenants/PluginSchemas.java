package dev.atelier.core.tenants;

import dev.atelier.spi.plugin.SettingsSchema;
import java.util.Optional;

/**
 * The settings schemas of the plugins deployed right now, which tenant folders are checked against when applied. A
 * plugin that is not deployed has none: its settings are kept unchecked (bundles come and go at runtime), and the
 * plugin checks them itself in every call once it is deployed.
 */
@FunctionalInterface
public interface PluginSchemas {

    /** Knows no plugin: nothing is checked (the {@code tenants} commands, which run no plugins). */
    PluginSchemas NONE = (section, pluginId) -> Optional.empty();

    /**
     * The schema of the plugin a tenant names.
     *
     * @param section where tenant.yaml names the plugin: {@code models}, {@code storage}, {@code payment} or
     *     {@code bot_protection}
     * @param pluginId the model id or plugin id named there
     * @return empty when no plugin of that id is deployed for that section right now
     */
    Optional<SettingsSchema> find(String section, String pluginId);
}
