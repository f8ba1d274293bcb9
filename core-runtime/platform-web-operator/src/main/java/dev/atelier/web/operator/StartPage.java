package dev.atelier.web.operator;

import dev.atelier.plugins.BundleStatus;
import java.util.List;

/**
 * What {@code operator/start.ftlh} shows: the models being served, with a live preview each, and the deployed
 * bundles grouped by the plugin kind they serve. Public records, so the templates read their components by name.
 *
 * @param models every model being served, sorted by id
 * @param kinds every plugin kind the host declares, in the order operators see them
 * @param others jars of the deploy folder that serve no plugin of any kind (broken, waiting, or libraries)
 */
public record StartPage(List<ModelCard> models, List<KindSection> kinds, List<BundleRow> others) {

    public StartPage {
        models = List.copyOf(models);
        kinds = List.copyOf(kinds);
        others = List.copyOf(others);
    }

    /**
     * One served model.
     *
     * @param name the model's name for people
     * @param id the model's id
     * @param version the model's version
     * @param video whether it makes videos (shown in a player that generates only when played)
     * @param previewUrl the operator API's preview of it: one generation, nothing stored, no credits
     */
    public record ModelCard(String name, String id, String version, boolean video, String previewUrl) {}

    /**
     * One plugin kind and the bundles serving plugins of it.
     *
     * @param label the kind for people, for example {@code Storage}
     * @param key the kind's key in tenant settings, for example {@code storage}
     * @param bundles the bundles serving it, sorted by name
     */
    public record KindSection(String label, String key, List<BundleRow> bundles) {

        public KindSection {
            bundles = List.copyOf(bundles);
        }
    }

    /**
     * One deployed jar as the plugin host sees it.
     *
     * @param name the bundle's symbolic name, or its file name when it has none
     * @param version its {@code Bundle-Version}, or an empty string
     * @param state the host's state for it ({@code ACTIVE}, {@code INSTALLED}, {@code INVALID}...)
     * @param serves the plugin ids it serves of the section's kind; empty among the others
     * @param lastError what went wrong last and what to fix, or an empty string
     */
    public record BundleRow(String name, String version, String state, List<String> serves, String lastError) {

        public BundleRow {
            serves = List.copyOf(serves);
        }

        /** Whether the host reports it started and serving. */
        public boolean active() {
            return BundleStatus.ACTIVE.equals(state);
        }
    }
}
