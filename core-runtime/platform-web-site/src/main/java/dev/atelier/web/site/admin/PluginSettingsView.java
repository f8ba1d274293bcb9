package dev.atelier.web.site.admin;

import dev.atelier.spi.plugin.DataCategory;
import dev.atelier.spi.plugin.DataProcessorDisclosure;
import dev.atelier.spi.plugin.Setting;
import dev.atelier.spi.plugin.SettingProblem;
import dev.atelier.spi.plugin.SettingsSchema;
import dev.atelier.web.tenant.DescribedPlugin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code admin/plugins.ftlh} shows of one plugin a tenant binds: its settings as form fields built from the
 * plugin's schema, the problems of the tenant's values, and its processors. A secret's value never leaves this class:
 * the page learns only whether it is set.
 */
final class PluginSettingsView {

    private static final Map<String, String> SECTIONS = Map.of("storage", "Storage", "payment", "Payments",
            "bot_protection", "Bot protection", "models", "Model");

    private PluginSettingsView() {}

    static Map<String, Object> of(DescribedPlugin plugin) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", SECTIONS.getOrDefault(plugin.section(), plugin.section()));
        view.put("id", plugin.pluginId());
        view.put("deployed", plugin.deployed());
        Map<String, String> problems = plugin.problems().stream()
                .collect(Collectors.toMap(SettingProblem::key, SettingProblem::message, (a, b) -> a,
                        LinkedHashMap::new));
        List<Map<String, Object>> fields = new ArrayList<>();
        plugin.description().ifPresent(description -> {
            List<Setting<?>> settings = new ArrayList<>(description.settings().settings());
            if (!description.disclosures().isEmpty()) {
                settings.addAll(SettingsSchema.standard());
            }
            settings.forEach(setting -> fields.add(field(setting, plugin.config(), problems.remove(setting.key()))));
        });
        view.put("fields", fields);
        view.put("otherProblems", problems.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
        view.put("processors", plugin.disclosures().stream().map(PluginSettingsView::processor).toList());
        return view;
    }

    private static Map<String, Object> field(Setting<?> setting, Map<String, String> config, String problem) {
        String value = config.get(setting.key());
        boolean set = value != null && !value.isBlank();
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("key", setting.key());
        field.put("input", input(setting));
        field.put("description", setting.description());
        field.put("required", setting.isRequired());
        field.put("secret", setting.isSecret());
        field.put("set", set);
        field.put("value", set && !setting.isSecret() ? value.strip() : "");
        field.put("default", setting.defaultValue().orElse(""));
        field.put("choices", setting.choices());
        field.put("problem", problem == null ? "" : problem);
        return field;
    }

    /** The HTML input a setting's type asks for. */
    private static String input(Setting<?> setting) {
        return switch (setting.type()) {
            case SECRET -> "password";
            case INTEGER -> "number";
            case URL -> "url";
            case BOOLEAN -> "checkbox";
            case CHOICE -> "select";
            default -> "text";
        };
    }

    private static Map<String, Object> processor(DataProcessorDisclosure disclosure) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", disclosure.displayName());
        view.put("processor", disclosure.processor());
        view.put("purpose", disclosure.purpose());
        view.put("location", disclosure.location());
        view.put("categories", disclosure.categories().stream().map(DataCategory::label).toList());
        return view;
    }
}
