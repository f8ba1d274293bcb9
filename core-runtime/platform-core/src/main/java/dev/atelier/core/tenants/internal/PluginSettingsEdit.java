package dev.atelier.core.tenants.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.core.secrets.SecretBox;
import dev.atelier.core.tenants.ConfigProblem;
import dev.atelier.core.tenants.InvalidTenantConfigException;
import dev.atelier.core.tenants.PluginSettingsUpdate;
import dev.atelier.spi.plugin.Setting;
import dev.atelier.spi.plugin.SettingsSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Applies a {@link PluginSettingsUpdate} to a stored tenant document and its sealed secrets, or refuses it whole.
 * Secrets take the folder's shape: the document says {@code ${NAME}}, the secrets column holds the sealed value.
 */
final class PluginSettingsEdit {

    private static final String MODELS = "models";
    private static final Set<String> BOUND_SECTIONS = Set.of("storage", "payment", "bot_protection");

    private final SecretBox box;
    private final PluginSettingsCheck check;

    PluginSettingsEdit(SecretBox box, PluginSettingsCheck check) {
        this.box = box;
        this.check = check;
    }

    /** Where the plugin's settings live in the document, and the object holding them. */
    private record Place(String path, ObjectNode owner) {}

    /**
     * Changes {@code doc} and {@code sealed} (secret name to sealed value) in place.
     *
     * @throws InvalidTenantConfigException naming each bad setting by its tenant.yaml path; the caller's transaction
     *     then stores nothing
     */
    void apply(String tenantId, String slug, ObjectNode doc, Map<String, String> sealed, PluginSettingsUpdate update) {
        Place place = place(doc, update);
        SettingsSchema schema = check.schema(update.section(), update.pluginId()).orElseThrow(() -> refused(
                place.path(), "plugin " + update.pluginId() + " is not deployed right now; its settings can be"
                        + " changed once it is"));
        ObjectNode config = place.owner().get("config") instanceof ObjectNode existing ? existing
                : place.owner().putObject("config");
        List<ConfigProblem> problems = new ArrayList<>();
        new TreeMap<>(update.values()).forEach((key, value) -> {
            if (isSecret(schema, key)) {
                problems.add(new ConfigProblem(null, place.path() + "." + key, "is a secret; it is set as one"));
            } else if (value.isBlank()) {
                config.remove(key);
            } else {
                config.put(key, value.strip());
            }
        });
        for (String key : update.clearedSecrets()) {
            requireSecret(schema, place.path(), key, problems);
            config.remove(key);
        }
        Map<String, String> clear = open(tenantId, sealed);
        Map<String, String> added = new TreeMap<>();
        new TreeMap<>(update.secrets()).forEach((key, value) -> {
            if (requireSecret(schema, place.path(), key, problems) && !value.isBlank()) {
                config.remove(key);
                String name = freeName(secretName(slug, update, key), references(doc), added.keySet());
                config.put(key, "${" + name + "}");
                added.put(name, value);
            }
        });
        clear.putAll(added);
        check.check(PluginConfig.of(place.path(), update.section(), update.pluginId(), config, clear),
                (path, message) -> problems.add(new ConfigProblem(null, path, message)));
        if (!problems.isEmpty()) {
            throw new InvalidTenantConfigException(problems);
        }
        if (config.isEmpty()) {
            place.owner().remove("config");
        }
        sealed.keySet().retainAll(references(doc));
        added.forEach((name, value) -> sealed.put(name, box.seal(value, TenantMapping.secretContext(tenantId, name))));
    }

    private static Place place(ObjectNode doc, PluginSettingsUpdate update) {
        String section = update.section();
        if (BOUND_SECTIONS.contains(section)) {
            if (doc.get(section) instanceof ObjectNode owner
                    && update.pluginId().equals(owner.path("plugin").asText())) {
                return new Place(section + ".config", owner);
            }
            throw refused(section + ".plugin", "does not name plugin " + update.pluginId());
        }
        if (MODELS.equals(section)) {
            JsonNode models = doc.path(MODELS);
            for (int i = 0; i < models.size(); i++) {
                if (models.get(i) instanceof ObjectNode owner && update.pluginId().equals(owner.path("id").asText())
                        && owner.path("enabled").asBoolean(true)) {
                    return new Place(MODELS + "[" + i + "].config", owner);
                }
            }
            throw refused(MODELS, "does not offer model " + update.pluginId());
        }
        throw refused(section, "is not a section that names a plugin");
    }

    private static boolean isSecret(SettingsSchema schema, String key) {
        return schema.setting(key).map(Setting::isSecret).orElse(false);
    }

    private static boolean requireSecret(SettingsSchema schema, String path, String key, List<ConfigProblem> problems) {
        if (isSecret(schema, key)) {
            return true;
        }
        problems.add(new ConfigProblem(null, path + "." + key, "is not a secret setting of this plugin"));
        return false;
    }

    private Map<String, String> open(String tenantId, Map<String, String> sealed) {
        Map<String, String> clear = new TreeMap<>();
        sealed.forEach((name, value) -> clear.put(name, box.open(value, TenantMapping.secretContext(tenantId, name))));
        return clear;
    }

    /** {@code ALPHA_STORAGE_SECRET_ACCESS_KEY}, {@code ALPHA_MODEL_OPENAI_IMAGES_API_KEY}: what an export names. */
    private static String secretName(String slug, PluginSettingsUpdate update, String key) {
        String plugin = MODELS.equals(update.section()) ? "model_" + update.pluginId() : update.section();
        String name = (slug + "_" + plugin + "_" + key).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        return Character.isDigit(name.charAt(0)) ? "_" + name : name;
    }

    // Another place of the document may already refer to the name (a folder author's choice): never share it.
    private static String freeName(String base, Set<String> taken, Set<String> added) {
        String name = base;
        for (int n = 2; taken.contains(name) || added.contains(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    private static Set<String> references(JsonNode doc) {
        Set<String> names = new HashSet<>();
        Documents.texts(doc, "", (path, text) -> {
            Matcher m = TenantSchema.SECRET.matcher(text);
            if (m.matches()) {
                names.add(m.group(1));
            }
        });
        return names;
    }

    private static InvalidTenantConfigException refused(String path, String message) {
        return new InvalidTenantConfigException(List.of(new ConfigProblem(null, path, message)));
    }
}
