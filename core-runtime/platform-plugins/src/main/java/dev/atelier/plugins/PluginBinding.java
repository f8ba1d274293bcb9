package dev.atelier.plugins;

import java.util.Map;

/**
 * The plugin a tenant chose for one kind and its settings for it.
 *
 * @param plugin the plugin's id, for example {@code s3}
 * @param config the tenant's settings, handed to the plugin in every call as {@code TenantContext.pluginConfig()}
 */
public record PluginBinding(String plugin, Map<String, String> config) {

    public PluginBinding {
        config = config == null ? Map.of() : Map.copyOf(config);
    }
}
