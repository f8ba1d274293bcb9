package dev.atelier.plugins;

import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.plugin.PluginService;

/**
 * A plugin service chosen to serve an id, and the bundle it comes from.
 *
 * @param id the id it serves under
 * @param description what its kind read from it when it appeared, or {@code null}
 * @param bundleSymbolicName the serving bundle's symbolic name
 * @param bundleVersion the serving bundle's version, for example {@code 1.2.0}
 * @param plugin the settings schema and data-processor disclosures the service declared when it appeared
 *     ({@link PluginDescription#NONE} when it declares none, is no {@link PluginService}, or failed to say)
 * @param <D> the kind's description type
 */
public record ServedPlugin<D>(
        String id, D description, String bundleSymbolicName, String bundleVersion, PluginDescription plugin) {

    public ServedPlugin {
        plugin = plugin == null ? PluginDescription.NONE : plugin;
    }

    /** A service that declares no settings and no disclosures. */
    public ServedPlugin(String id, D description, String bundleSymbolicName, String bundleVersion) {
        this(id, description, bundleSymbolicName, bundleVersion, PluginDescription.NONE);
    }
}
