package dev.atelier.web.tenant;

import dev.atelier.plugins.ModelRegistry;
import dev.atelier.plugins.PluginDescriptions;
import dev.atelier.plugins.PluginHost;
import dev.atelier.plugins.PluginKind;
import dev.atelier.plugins.PluginKinds;
import dev.atelier.plugins.PluginRegistry;
import java.util.List;
import java.util.Optional;

/** What tenant sites need to know about the plugins deployed right now. */
public interface DeployedPlugins {

    /** The generation models deployed right now. */
    ModelRegistry models();

    /** The plugin kinds the platform declares, in the order operators see them. */
    default List<PluginKind<?, ?>> kinds() {
        return PluginKinds.ALL;
    }

    /** Whether a bundle serves plugin {@code pluginId} of {@code kind} right now. */
    boolean serves(PluginKind<?, ?> kind, String pluginId);

    /** The settings schemas and disclosures of the deployed plugins; none where no plugin host runs. */
    default PluginDescriptions descriptions() {
        return (spi, pluginId) -> Optional.empty();
    }

    /** The deployed plugins of {@code kind}, through which tenants' bound plugins are called; empty without a host. */
    default <S, D> Optional<PluginRegistry<S, D>> registry(PluginKind<S, D> kind) {
        return Optional.empty();
    }

    /** The plugin host's answers. */
    static DeployedPlugins of(PluginHost host) {
        return new DeployedPlugins() {
            @Override
            public ModelRegistry models() {
                return host.models();
            }

            @Override
            public List<PluginKind<?, ?>> kinds() {
                return host.kinds();
            }

            @Override
            public boolean serves(PluginKind<?, ?> kind, String pluginId) {
                return host.plugins(kind).find(pluginId).isPresent();
            }

            @Override
            public PluginDescriptions descriptions() {
                return host.descriptions();
            }

            @Override
            public <S, D> Optional<PluginRegistry<S, D>> registry(PluginKind<S, D> kind) {
                return Optional.of(host.plugins(kind));
            }
        };
    }
}
