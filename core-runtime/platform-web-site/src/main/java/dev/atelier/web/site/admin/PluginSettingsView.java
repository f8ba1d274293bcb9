package dev.atelier.web.site.admin;

import dev.atelier.plugins.DescribedPlugin;
import dev.atelier.spi.plugin.DataCategory;
import dev.atelier.spi.plugin.DataProcessorDisclosure;
import dev.atelier.spi.plugin.Setting;
import dev.atelier.spi.plugin.SettingProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code admin/plugins.ftlh} shows of one plugin a tenant binds: its settings as form fields built from the
 * plugin's schema (stored, or as an admin just submitted them), the problems of the values, and its processors. A
 * secret's value never leaves this class: the page learns only whether one is stored.
 */
final class PluginSettingsView {

    private PluginSettingsView() {}

    /**
     * @param label what people call the plugin's kind
     * @param refused the plugin's refused submission, whose values and problems the form shows instead; {@code null}
     *     when the form shows the stored settings
     */
    static Map<String, Object> of(DescribedPlugin plugin, String label, PluginForms.Refused refused) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", label);
        view.put("section", plugin.section());
        view.put("id", plugin.pluginId());
        view.put("deployed", plugin.deployed());
        view.put("refused", refused != null);
        Map<String, String> problems = refused != null ? new LinkedHashMap<>(refused.errors())
                : plugin.problems().stream().collect(Collectors.toMap(SettingProblem::key, SettingProblem::message,
                        (a, b) -> a, LinkedHashMap::new));
        Map<String, String> values = refused != null ? refused.values() : Map.of();
        List<Map<String, Object>> fields = new ArrayList<>();
        plugin.description().ifPresent(description -> PluginForms.fields(description).forEach(setting -> fields.add(
                field(setting, plugin.config(), values, problems.remove(setting.key())))));
        view.put("fields", fields);
        List<String> other = new ArrayList<>(refused != null ? refused.other() : List.of());
        problems.forEach((key, message) -> other.add(key + ": " + message));
        view.put("otherProblems", other);
        view.put("processors", plugin.disclosures().stream().map(PluginSettingsView::processor).toList());
        return view;
    }

    /**
     * One field. {@code submitted} holds the refused values of the settings that are not secret; a secret's value is
     * never put on the page, only whether one is stored.
     */
    private static Map<String, Object> field(Setting<?> setting, Map<String, String> config,
            Map<String, String> submitted, String problem) {
        String stored = config.get(setting.key());
        boolean set = stored != null && !stored.isBlank();
        String value = setting.isSecret() ? "" : submitted.containsKey(setting.key())
                ? submitted.get(setting.key()).strip() : set ? stored.strip() : "";
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("key", setting.key());
        field.put("input", input(setting));
        field.put("description", setting.description());
        field.put("required", setting.isRequired());
        field.put("secret", setting.isSecret());
        field.put("set", set);
        field.put("value", value);
        field.put("default", setting.defaultValue().orElse(""));
        field.put("checked", "true".equalsIgnoreCase(value.isEmpty() ? setting.defaultValue().orElse("") : value));
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
