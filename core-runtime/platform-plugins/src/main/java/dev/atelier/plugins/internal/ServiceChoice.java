package dev.atelier.plugins.internal;

import dev.atelier.plugins.ServedPlugin;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which service serves each id of one kind, decided once per change so calls only read. Immutable. Services of canary
 * bundles are kept apart: they never serve an id for everyone, only the calls routed to them.
 */
final class ServiceChoice<S, D> {

    // Trap 7: the registration order means nothing, so the choice is explicit: ranking first, then the newest bundle.
    private static final Comparator<TrackedService<?, ?>> PREFERENCE =
            Comparator.<TrackedService<?, ?>>comparingInt(TrackedService::ranking)
                    .thenComparingLong(TrackedService::bundleId);

    private final Map<String, TrackedService<S, D>> chosen;
    private final Map<String, TrackedService<S, D>> canaries;
    private final List<ServedPlugin<D>> list;

    private ServiceChoice(Map<String, TrackedService<S, D>> chosen, Map<String, TrackedService<S, D>> canaries) {
        this.chosen = Map.copyOf(chosen);
        this.canaries = Map.copyOf(canaries);
        this.list = chosen.values().stream()
                .map(TrackedService::served)
                .sorted(Comparator.comparing(ServedPlugin::id))
                .toList();
    }

    static <S, D> ServiceChoice<S, D> empty() {
        return new ServiceChoice<>(Map.of(), Map.of());
    }

    static <S, D> ServiceChoice<S, D> of(Collection<TrackedService<S, D>> services) {
        return new ServiceChoice<>(chooseAmong(services, false), chooseAmong(services, true));
    }

    private static <S, D> Map<String, TrackedService<S, D>> chooseAmong(Collection<TrackedService<S, D>> services,
            boolean canary) {
        Map<String, List<TrackedService<S, D>>> byId = services.stream()
                .filter(s -> !s.activity().isClosed() && s.canary() == canary)
                .collect(Collectors.groupingBy(TrackedService::id));
        Map<String, TrackedService<S, D>> chosen = new HashMap<>();
        byId.forEach((id, candidates) -> chosen.put(id, choose(candidates)));
        return chosen;
    }

    /** A draining bundle serves only as a fallback; among the rest the highest ranking, then the newest bundle. */
    private static <S, D> TrackedService<S, D> choose(List<TrackedService<S, D>> candidates) {
        List<TrackedService<S, D>> serving = candidates.stream().filter(s -> !s.activity().isDraining()).toList();
        List<TrackedService<S, D>> pool = serving.isEmpty() ? candidates : serving;
        return pool.stream().max(PREFERENCE).orElseThrow();
    }

    /** The service chosen for {@code id}, or null. */
    TrackedService<S, D> chosen(String id) {
        return chosen.get(id);
    }

    /** The canary service for {@code id}, or null when no canary bundle serves it. */
    TrackedService<S, D> canary(String id) {
        return canaries.get(id);
    }

    List<ServedPlugin<D>> list() {
        return list;
    }
}
