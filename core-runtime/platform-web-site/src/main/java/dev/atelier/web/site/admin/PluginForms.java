package dev.atelier.web.site.admin;

import dev.atelier.core.tenants.ConfigProblem;
import dev.atelier.core.tenants.InvalidTenantConfigException;
import dev.atelier.core.tenants.PluginSettingsUpdate;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.plugins.DescribedPlugin;
import dev.atelier.plugins.TenantPluginDescriptions;
import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.plugin.Setting;
import dev.atelier.spi.plugin.SettingType;
import dev.atelier.spi.plugin.SettingsSchema;
import dev.atelier.web.tenant.PluginSettingsStore;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plugin settings forms of the admin area, one per plugin the tenant binds, and the plugin list of its start page.
 * The plugins come from {@link TenantPluginDescriptions}, the one place that enumerates them.
 *
 * <p>Fields of a form: {@code section} and {@code plugin} (which plugin), {@code setting.<key>} per setting (a checkbox
 * posts {@code true} when ticked; a secret left empty keeps its stored value), {@code clear.<key>} to remove an
 * optional secret. Checking is the core's, exactly as for a tenant folder; this class only reads the form.
 */
public final class PluginForms {

    static final String SETTING = "setting.";
    static final String CLEAR = "clear.";
    // "storage.config.bucket", "models[2].config.api_key": the setting is what follows ".config.".
    private static final Pattern SETTING_PATH = Pattern.compile("(?:[a-z_]+|models\\[\\d+])\\.config\\.(.+)");

    /**
     * A refused submission of one plugin, for showing its form again.
     *
     * @param values the submitted values of the settings that are not secret, by key
     * @param errors the problem of each setting, by key
     * @param other problems no field shows
     */
    record Refused(String section, String pluginId, Map<String, String> values, Map<String, String> errors,
            List<String> other) {

        boolean isOf(DescribedPlugin plugin) {
            return section.equals(plugin.section()) && pluginId.equals(plugin.pluginId());
        }
    }

    private final TenantPluginDescriptions plugins;
    private final PluginSettingsStore store;

    public PluginForms(TenantPluginDescriptions plugins, PluginSettingsStore store) {
        this.plugins = plugins;
        this.store = store;
    }

    /** The plugin {@code pluginId} the tenant names in {@code section}, if it is deployed (only those have a form). */
    Optional<DescribedPlugin> find(Tenant tenant, String section, String pluginId) {
        return plugins.of(tenant).stream().filter(DescribedPlugin::deployed)
                .filter(p -> p.section().equals(section) && p.pluginId().equals(pluginId)).findFirst();
    }

    /** The settings a plugin's form shows: its own, then the standard ones when it names processors. */
    static List<Setting<?>> fields(PluginDescription description) {
        List<Setting<?>> settings = new ArrayList<>(description.settings().settings());
        if (!description.disclosures().isEmpty()) {
            settings.addAll(SettingsSchema.standard());
        }
        return settings;
    }

    /**
     * Saves the posted settings of {@code plugin}.
     *
     * @return empty when saved; otherwise why not, and nothing was saved
     */
    Optional<Refused> save(Tenant tenant, DescribedPlugin plugin, MultivaluedMap<String, String> posted) {
        PluginDescription description = plugin.description().orElseThrow();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        Set<String> cleared = new HashSet<>();
        for (Setting<?> setting : fields(description)) {
            String key = setting.key();
            String text = posted.getFirst(SETTING + key);
            if (setting.isSecret()) {
                if (text != null && !text.isBlank()) {
                    secrets.put(key, text.strip());
                } else if ("true".equals(posted.getFirst(CLEAR + key))) {
                    cleared.add(key);
                }
            } else if (setting.type() == SettingType.BOOLEAN) {
                values.put(key, checkbox(setting, "true".equals(text)));
            } else if (text != null) {
                values.put(key, text);
            }
        }
        try {
            store.save(tenant.id(), new PluginSettingsUpdate(plugin.section(), plugin.pluginId(), values, secrets,
                    cleared));
            return Optional.empty();
        } catch (InvalidTenantConfigException e) {
            return Optional.of(refused(plugin, values, e.problems()));
        }
    }

    // A ticked box equal to the default is left out, so the setting keeps following the plugin's default.
    private static String checkbox(Setting<?> setting, boolean ticked) {
        boolean byDefault = "true".equalsIgnoreCase(setting.defaultValue().orElse("false"));
        return ticked == byDefault ? "" : String.valueOf(ticked);
    }

    private static Refused refused(DescribedPlugin plugin, Map<String, String> values, List<ConfigProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        for (ConfigProblem problem : problems) {
            Matcher m = SETTING_PATH.matcher(problem.path() == null ? "" : problem.path());
            if (m.matches()) {
                errors.putIfAbsent(m.group(1), withoutPlugin(problem.message(), plugin.pluginId()));
            } else {
                other.add(problem.path() + ": " + problem.message());
            }
        }
        return new Refused(plugin.section(), plugin.pluginId(), values, errors, other);
    }

    // The folder check names the plugin for a report of many files; next to the plugin's own field it is noise.
    private static String withoutPlugin(String message, String pluginId) {
        String suffix = " (plugin " + pluginId + ")";
        return message.endsWith(suffix) ? message.substring(0, message.length() - suffix.length()) : message;
    }

    /** The forms of every plugin the tenant binds, {@code refused} (may be {@code null}) shown as submitted. */
    List<Map<String, Object>> view(Tenant tenant, Refused refused) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (DescribedPlugin plugin : plugins.of(tenant)) {
            Refused mine = refused != null && refused.isOf(plugin) ? refused : null;
            views.add(PluginSettingsView.of(plugin, plugins.label(plugin.section()), mine));
        }
        return views;
    }

    /** The start page's list, one entry per bound plugin: {@code kind}, {@code plugin}, {@code available}. */
    List<Map<String, Object>> overview(Tenant tenant) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (DescribedPlugin plugin : plugins.of(tenant)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", plugins.label(plugin.section()));
            entry.put("plugin", plugin.pluginId());
            entry.put("available", plugin.deployed());
            entries.add(entry);
        }
        return entries;
    }
}
