package dev.atelier.web.site;

import dev.atelier.plugins.ModelRegistry;
import dev.atelier.plugins.PluginDescriptions;
import dev.atelier.plugins.PluginHost;
import java.util.Optional;

/** What tenant sites need to know about the plugins deployed right now. */
public interface DeployedPlugins {

    /** The generation models deployed right now. */
    ModelRegistry models();

    /** See {@link PluginHost#hasService(String, String, String)}. */
    boolean hasService(String objectClass, String property, String value);

    /** The settings schemas and disclosures of the deployed plugins; none where no plugin host runs. */
    default PluginDescriptions descriptions() {
        return (spi, pluginId) -> Optional.empty();
    }

    /** The plugin host's answers. */
    static DeployedPlugins of(PluginHost host) {
        return new DeployedPlugins() {
            @Override
            public ModelRegistry models() {
                return host.models();
            }

            @Override
            public PluginDescriptions descriptions() {
                return host.descriptions();
            }

            @Override
            public boolean hasService(String objectClass, String property, String value) {
                return host.hasService(objectClass, property, value);
            }
        };
    }
}
