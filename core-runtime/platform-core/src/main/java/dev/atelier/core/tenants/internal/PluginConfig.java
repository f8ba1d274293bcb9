package dev.atelier.core.tenants.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * One plugin's settings in a merged tenant configuration, secrets resolved: what is checked against the URL rules and
 * the plugin's schema (an endpoint or a key kept in the environment must obey the same rules as one written out).
 *
 * @param path where the settings are, for example {@code models[1].config} or {@code storage.config}
 * @param section the tenant.yaml section naming the plugin: {@code models}, {@code storage}, {@code payment},
 *     {@code bot_protection}
 * @param pluginId the plugin or model id named there; {@code null} when none is
 * @param settings the scalar settings as text; a secret whose variable is unset is left out (reported elsewhere)
 * @param complete whether every secret was resolved; an incomplete config is not checked against a schema, which
 *     would only repeat that the secret is missing
 */
record PluginConfig(String path, String section, String pluginId, Map<String, String> settings, boolean complete) {

    private static final List<String> PLUGIN_SECTIONS = List.of("payment", "storage", "bot_protection");

    /** Every plugin's settings in {@code merged}, {@code ${NAME}} values replaced by {@code secrets}. */
    static List<PluginConfig> of(ObjectNode merged, Map<String, String> secrets) {
        List<PluginConfig> configs = new ArrayList<>();
        for (String section : PLUGIN_SECTIONS) {
            JsonNode choice = merged.path(section);
            configs.add(of(section + ".config", section, text(choice.path("plugin")), choice.path("config"), secrets));
        }
        JsonNode models = merged.path("models");
        for (int i = 0; i < models.size(); i++) {
            JsonNode model = models.get(i);
            configs.add(of("models[" + i + "].config", "models", text(model.path("id")), model.path("config"),
                    secrets));
        }
        return configs;
    }

    /** The settings at {@code path}, {@code ${NAME}} values replaced by {@code secrets}. */
    static PluginConfig of(String path, String section, String pluginId, JsonNode config,
            Map<String, String> secrets) {
        Map<String, String> settings = settings(config, secrets);
        return new PluginConfig(path, section, pluginId, settings, settings.size() == config.size());
    }

    private static Map<String, String> settings(JsonNode config, Map<String, String> secrets) {
        Map<String, String> settings = new LinkedHashMap<>();
        config.fields().forEachRemaining(f -> {
            JsonNode value = f.getValue();
            if (value.isTextual()) {
                Matcher m = TenantSchema.SECRET.matcher(value.asText());
                String text = m.matches() ? secrets.get(m.group(1)) : value.asText();
                if (text != null) {
                    settings.put(f.getKey(), text);
                }
            } else if (value.isValueNode() && !value.isNull()) {
                settings.put(f.getKey(), value.asText());
            }
        });
        return settings;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
