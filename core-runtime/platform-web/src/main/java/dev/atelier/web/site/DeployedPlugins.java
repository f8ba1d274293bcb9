package dev.atelier.web.site;

import dev.atelier.plugins.ModelRegistry;
import dev.atelier.plugins.PluginHost;

/** What tenant sites need to know about the plugins deployed right now. */
public interface DeployedPlugins {

    /** The generation models deployed right now. */
    ModelRegistry models();

    /** See {@link PluginHost#hasService(String, String, String)}. */
    boolean hasService(String objectClass, String property, String value);

    /** The plugin host's answers. */
    static DeployedPlugins of(PluginHost host) {
        return new DeployedPlugins() {
            @Override
            public ModelRegistry models() {
                return host.models();
            }

            @Override
            public boolean hasService(String objectClass, String property, String value) {
                return host.hasService(objectClass, property, value);
            }
        };
    }
}
