package dev.atelier.plugins;

import dev.atelier.spi.plugin.DataProcessorDisclosure;
import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.plugin.SettingProblem;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One plugin a tenant's configuration names.
 *
 * @param section where tenant.yaml names it: {@code storage}, {@code payment}, {@code bot_protection} or {@code models}
 * @param pluginId the plugin or model id
 * @param config the tenant's settings for it, secrets decrypted: never put them on a page
 * @param description what the deployed plugin declares; empty while no bundle serves it
 */
public record DescribedPlugin(
        String section, String pluginId, Map<String, String> config, Optional<PluginDescription> description) {

    /** Whether a bundle serves the plugin right now. */
    public boolean deployed() {
        return description.isPresent();
    }

    /** What is wrong with the tenant's settings for the deployed plugin; empty when it is not deployed. */
    public List<SettingProblem> problems() {
        return description.map(d -> d.settings().check(config)).orElse(List.of());
    }

    /** The plugin's processors as this tenant names them; empty when it is not deployed or declares none. */
    public List<DataProcessorDisclosure> disclosures() {
        return description.map(d -> d.disclosuresFor(config)).orElse(List.of());
    }
}
