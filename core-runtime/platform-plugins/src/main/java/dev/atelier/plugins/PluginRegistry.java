package dev.atelier.plugins;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The services of one {@link PluginKind} deployed right now, and the one way to call them. Thread-safe.
 *
 * <p>When several services serve the same id, one is chosen: services of a bundle that is draining (being replaced or
 * removed) only if nothing else serves the id, then the highest {@code service.ranking}, then the most recently
 * installed bundle (highest bundle id).
 *
 * @param <S> the kind's SPI interface
 * @param <D> the kind's description type
 */
public interface PluginRegistry<S, D> {

    /** The kind this registry serves. */
    PluginKind<S, D> kind();

    /** The chosen service of every id, sorted by id. Cheap: an immutable snapshot, no plugin is called. */
    List<ServedPlugin<D>> list();

    /** The service chosen for {@code id}, if any. */
    Optional<ServedPlugin<D>> find(String id);

    /** The ids served, sorted. */
    default List<String> ids() {
        return list().stream().map(ServedPlugin::id).toList();
    }

    /**
     * Calls the service chosen for {@code id} at this moment. The call runs with the plugin bundle's class loader as
     * context class loader and the caller's {@link Correlation} id, and is counted on the bundle (calls, errors, in
     * flight), so a bundle being replaced finishes it before it is uninstalled.
     *
     * <p>With a {@code deadline} the call runs on a host worker thread and the caller waits until the deadline or the
     * host's call timeout, whichever comes first; then the call is interrupted. Without one ({@code null}) it runs on
     * the caller's thread and the plugin bounds its own work.
     *
     * @throws PluginCallException when nothing serves {@code id}, the call did not finish in time, or the plugin threw
     */
    <R> R call(String id, Instant deadline, PluginCall<S, R> call) throws PluginCallException;

    /**
     * {@link #call} for work done for {@code subject}: when a canary bundle serves {@code id} and its
     * {@link CanaryPlan} routes the subject to it, the call goes to the canary; otherwise as {@link #call}.
     */
    default <R> R callFor(CallSubject subject, String id, Instant deadline, PluginCall<S, R> call)
            throws PluginCallException {
        return call(id, deadline, call);
    }

    /**
     * The plugin of this kind a tenant bound (or the kind's default plugin when it bound none), with its settings for
     * it; empty when there is neither. The plugin need not be deployed: {@link BoundPlugin#available()} says.
     */
    Optional<BoundPlugin<S>> bind(PluginBindings bindings);
}
