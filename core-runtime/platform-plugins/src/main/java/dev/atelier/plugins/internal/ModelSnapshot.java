package dev.atelier.plugins.internal;

import dev.atelier.plugins.ModelInfo;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Which service serves each model id, decided once per change so requests only read. Immutable. */
final class ModelSnapshot {

    static final ModelSnapshot EMPTY = new ModelSnapshot(Map.of());

    // Trap 7: the tracker's order means nothing, so the choice is explicit: ranking first, then the newest bundle.
    private static final Comparator<ModelEntry> PREFERENCE =
            Comparator.comparingInt(ModelEntry::ranking).thenComparingLong(ModelEntry::bundleId);

    private final Map<String, ModelEntry> chosen;
    private final List<ModelInfo> list;

    private ModelSnapshot(Map<String, ModelEntry> chosen) {
        this.chosen = Map.copyOf(chosen);
        this.list = chosen.values().stream()
                .map(ModelEntry::info)
                .sorted(Comparator.comparing(ModelInfo::modelId))
                .toList();
    }

    static ModelSnapshot of(Collection<ModelEntry> entries) {
        Map<String, List<ModelEntry>> byId = entries.stream()
                .filter(e -> !e.activity().isClosed())
                .collect(Collectors.groupingBy(ModelEntry::modelId));
        Map<String, ModelEntry> chosen = new HashMap<>();
        byId.forEach((id, candidates) -> chosen.put(id, choose(candidates)));
        return new ModelSnapshot(chosen);
    }

    private static ModelEntry choose(List<ModelEntry> candidates) {
        List<ModelEntry> serving = candidates.stream().filter(e -> !e.activity().isDraining()).toList();
        List<ModelEntry> pool = serving.isEmpty() ? candidates : serving;
        return pool.stream().max(PREFERENCE).orElseThrow();
    }

    ModelEntry chosen(String modelId) {
        return chosen.get(modelId);
    }

    List<ModelInfo> list() {
        return list;
    }
}
