package dev.atelier.core.tenants.internal;

import dev.atelier.core.tenants.PluginSchemas;
import dev.atelier.core.tenants.PluginUrls;
import dev.atelier.spi.plugin.SettingProblem;
import dev.atelier.spi.plugin.SettingsSchema;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The checks one plugin's settings pass wherever they are saved, a tenant folder being applied or the admin plugin
 * form: the URL rules, then the deployed plugin's schema. One class, so the two ways in cannot drift apart.
 */
final class PluginSettingsCheck {

    private final PluginUrls pluginUrls;
    private final PluginSchemas pluginSchemas;

    PluginSettingsCheck(PluginUrls pluginUrls, PluginSchemas pluginSchemas) {
        this.pluginUrls = pluginUrls;
        this.pluginSchemas = pluginSchemas;
    }

    /**
     * Reports each problem of {@code config} with its tenant.yaml path ({@code storage.config.bucket}). The schema is
     * applied only when the plugin is deployed and every secret was resolved: a plugin that is not deployed checks its
     * settings itself once it is, and a missing secret is reported where it is read.
     */
    void check(PluginConfig config, BiConsumer<String, String> problems) {
        pluginUrls.check(config.path(), config.settings(), problems);
        if (config.pluginId() == null || !config.complete()) {
            return;
        }
        pluginSchemas.find(config.section(), config.pluginId()).ifPresent(schema -> {
            for (SettingProblem problem : schema.check(config.settings())) {
                problems.accept(config.path() + "." + problem.key(),
                        problem.message() + " (plugin " + config.pluginId() + ")");
            }
        });
    }

    /** The schema of the plugin {@code pluginId} named in {@code section}; empty while it is not deployed. */
    Optional<SettingsSchema> schema(String section, String pluginId) {
        return pluginSchemas.find(section, pluginId);
    }
}
