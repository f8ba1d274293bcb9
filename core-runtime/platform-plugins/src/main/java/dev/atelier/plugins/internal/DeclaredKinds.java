package dev.atelier.plugins.internal;

import dev.atelier.plugins.PluginKind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * The plugin kinds the host declares, each with its tracker. Deployment, readiness, retirement and status ask here
 * instead of knowing any kind.
 */
public final class DeclaredKinds {

    private final Map<PluginKind<?, ?>, KindTracker<?, ?>> trackers = new LinkedHashMap<>();

    public DeclaredKinds(List<PluginKind<?, ?>> kinds, BundleContext context, PluginCallRunner runner,
            BundleActivities activities, Duration callTimeout) {
        for (PluginKind<?, ?> kind : kinds) {
            trackers.put(kind, tracker(kind, context, runner, activities, callTimeout));
        }
    }

    private static <S, D> KindTracker<S, D> tracker(PluginKind<S, D> kind, BundleContext context,
            PluginCallRunner runner, BundleActivities activities, Duration callTimeout) {
        return new KindTracker<>(kind, context, runner, activities, callTimeout);
    }

    /** Starts every tracker; call before any plugin bundle starts, so no registration is missed. */
    public void open() {
        trackers.values().forEach(KindTracker::open);
    }

    /** The declared kinds, in declaration order. */
    public List<PluginKind<?, ?>> kinds() {
        return List.copyOf(trackers.keySet());
    }

    /** The tracker of {@code kind}. */
    @SuppressWarnings("unchecked")
    public <S, D> KindTracker<S, D> tracker(PluginKind<S, D> kind) {
        return (KindTracker<S, D>) Objects.requireNonNull(trackers.get(kind), () -> kind + " is not declared");
    }

    /** Re-decides every kind's choice, for example after a bundle started draining. */
    void rebuild() {
        trackers.values().forEach(KindTracker::rebuild);
    }

    /** The trackers of the kinds {@code bundleId} serves at least one id of. */
    List<KindTracker<?, ?>> servedBy(long bundleId) {
        return trackers.values().stream().filter(t -> !t.idsOf(bundleId).isEmpty()).toList();
    }

    /** Why one of the bundle's services was ignored, or null. */
    String failureOf(long bundleId) {
        return trackers.values().stream()
                .map(t -> t.failureOf(bundleId))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** Whether every declared kind's tracker has read {@code reference} (services of no declared kind count as read). */
    boolean hasProcessed(ServiceReference<?> reference) {
        return trackersOf(reference).stream().allMatch(t -> t.hasProcessed(reference));
    }

    /** How operators see a service registered under {@code type}: {@code "StorageBackend s3"}; empty for no kind. */
    Optional<String> describe(ServiceReference<?> reference, String type) {
        return trackers.values().stream()
                .filter(t -> t.kind().spi().getName().equals(type))
                .findFirst()
                .map(t -> {
                    String id = t.idOf(reference);
                    return t.kind().spi().getSimpleName() + " " + (id != null ? id : "(ignored)");
                });
    }

    private List<KindTracker<?, ?>> trackersOf(ServiceReference<?> reference) {
        List<String> types = reference.getProperty(Constants.OBJECTCLASS) instanceof String[] names
                ? List.of(names) : List.of();
        return trackers.values().stream().filter(t -> types.contains(t.kind().spi().getName())).toList();
    }
}
