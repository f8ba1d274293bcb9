package dev.atelier.spi.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings a plugin takes from a tenant's configuration, in the order the admin form shows them. Every schema also
 * accepts the two {@linkplain #standard() standard settings} {@link #DISPLAY_NAME} and {@link #PROCESSING_LOCATION},
 * which the host reads to show the plugin's {@link DataProcessorDisclosure disclosures} as the tenant names them.
 *
 * <p>The host {@linkplain #check checks} a tenant's configuration when the tenant folder is applied; a plugin
 * {@linkplain #read reads} it in each call and gets typed values with defaults applied. Immutable and thread-safe.
 */
public final class SettingsSchema {

    /** Replaces the display name of the plugin's disclosures, for example "Cloudflare R2" for an S3 plugin. */
    public static final Setting<String> DISPLAY_NAME = Setting.text("display_name")
            .describedAs("The processor's name as your privacy policy shows it, when it differs from the plugin's");
    /** Replaces the location of the plugin's disclosures, for example "European Union". */
    public static final Setting<String> PROCESSING_LOCATION = Setting.text("processing_location")
            .describedAs("Where the processor keeps the data, as your privacy policy shows it");

    /** A schema with no settings of its own. */
    public static final SettingsSchema NONE = new SettingsSchema(List.of(), List.of());

    private final Map<String, Setting<?>> settings;
    private final List<List<Setting<?>>> oneOfGroups;

    private SettingsSchema(List<Setting<?>> declared, List<List<Setting<?>>> oneOfGroups) {
        Map<String, Setting<?>> byKey = new LinkedHashMap<>();
        for (Setting<?> setting : declared) {
            if (byKey.put(setting.key(), setting) != null || isStandard(setting.key())) {
                throw new IllegalArgumentException("setting " + setting.key() + " is declared twice (the standard "
                        + "settings display_name and processing_location are declared by every schema)");
            }
        }
        this.settings = Collections.unmodifiableMap(byKey);
        this.oneOfGroups = List.copyOf(oneOfGroups);
    }

    /** A schema of {@code settings}, each key once. */
    public static SettingsSchema of(Setting<?>... settings) {
        return new SettingsSchema(List.of(settings), List.of());
    }

    /**
     * This schema, also requiring that at least one of {@code alternatives} has a value (a vendor's model may be named
     * by a version id or by a name, for example).
     */
    public SettingsSchema requiringOneOf(Setting<?>... alternatives) {
        for (Setting<?> alternative : alternatives) {
            if (settings.get(alternative.key()) != alternative) {
                throw new IllegalArgumentException(alternative.key() + " is not a setting of this schema");
            }
        }
        List<List<Setting<?>>> groups = new ArrayList<>(oneOfGroups);
        groups.add(List.of(alternatives));
        return new SettingsSchema(List.copyOf(settings.values()), groups);
    }

    /** The plugin's own settings, in declaration order (without the standard ones). */
    public List<Setting<?>> settings() {
        return List.copyOf(settings.values());
    }

    /** The settings every schema accepts: {@link #DISPLAY_NAME} and {@link #PROCESSING_LOCATION}. */
    public static List<Setting<?>> standard() {
        return List.of(DISPLAY_NAME, PROCESSING_LOCATION);
    }

    /** The setting with {@code key}, standard ones included. */
    public Optional<Setting<?>> setting(String key) {
        Setting<?> own = settings.get(key);
        return own != null ? Optional.of(own) : standard().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** Whether the schema declares no settings of its own. */
    public boolean isEmpty() {
        return settings.isEmpty();
    }

    /**
     * Every problem of {@code config}: keys no setting declares, required settings without a value, values their type
     * refuses, groups of alternatives none of which has a value. A value that is {@code null} or blank counts as
     * absent. Messages name the key and never a secret's value.
     *
     * @return the problems in the schema's order, unknown keys last; empty when {@code config} is valid
     */
    public List<SettingProblem> check(Map<String, String> config) {
        List<SettingProblem> problems = new ArrayList<>();
        read(config, problems);
        config.keySet().stream().filter(key -> setting(key).isEmpty()).sorted().forEach(key ->
                problems.add(new SettingProblem(key, "is not a setting of this plugin; its settings are "
                        + String.join(", ", settings.keySet()))));
        return problems;
    }

    /**
     * The typed values of {@code config}, defaults applied. Keys no setting declares are ignored here (the host reports
     * them when the tenant's folder is applied), so a tenant configured for an earlier version of the plugin keeps
     * working.
     *
     * @throws InvalidSettingsException when a required value is missing or a value is invalid
     */
    public PluginSettings read(Map<String, String> config) throws InvalidSettingsException {
        List<SettingProblem> problems = new ArrayList<>();
        PluginSettings values = read(config, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return values;
    }

    private PluginSettings read(Map<String, String> config, List<SettingProblem> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Setting<?>> all = new ArrayList<>(settings.values());
        all.addAll(standard());
        for (Setting<?> setting : all) {
            String text = config.get(setting.key());
            text = text == null || text.isBlank() ? setting.defaultValue().orElse(null) : text.strip();
            if (text == null) {
                if (setting.isRequired()) {
                    problems.add(new SettingProblem(setting.key(), "is required"));
                }
                continue;
            }
            try {
                values.put(setting.key(), setting.read(text));
            } catch (IllegalArgumentException e) {
                problems.add(new SettingProblem(setting.key(), e.getMessage()));
            }
        }
        for (List<Setting<?>> group : oneOfGroups) {
            if (group.stream().noneMatch(s -> values.containsKey(s.key()))) {
                List<String> keys = group.stream().map(Setting::key).toList();
                problems.add(new SettingProblem(keys.get(0), "is required unless " + String.join(" or ",
                        keys.subList(1, keys.size())) + " is set"));
            }
        }
        return new PluginSettings(values);
    }

    private static boolean isStandard(String key) {
        return key.equals(DISPLAY_NAME.key()) || key.equals(PROCESSING_LOCATION.key());
    }

    @Override
    public String toString() {
        return "SettingsSchema" + settings.keySet();
    }
}
