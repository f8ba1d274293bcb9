package dev.atelier.plugins.internal;

import dev.atelier.plugins.BoundPlugin;
import dev.atelier.plugins.CallSubject;
import dev.atelier.plugins.PluginBindings;
import dev.atelier.plugins.PluginCall;
import dev.atelier.plugins.PluginCallException;
import dev.atelier.plugins.PluginKind;
import dev.atelier.plugins.PluginRegistry;
import dev.atelier.plugins.ServedPlugin;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link PluginRegistry} over one kind's tracker; calls go through {@link PluginCalls}. */
public final class KindRegistry<S, D> implements PluginRegistry<S, D> {

    private final KindTracker<S, D> tracker;
    private final PluginCalls calls;

    public KindRegistry(KindTracker<S, D> tracker, PluginCalls calls) {
        this.tracker = tracker;
        this.calls = calls;
    }

    @Override
    public PluginKind<S, D> kind() {
        return tracker.kind();
    }

    @Override
    public List<ServedPlugin<D>> list() {
        return tracker.choice().list();
    }

    @Override
    public Optional<ServedPlugin<D>> find(String id) {
        return Optional.ofNullable(tracker.choice().chosen(id)).map(TrackedService::served);
    }

    @Override
    public <R> R call(String id, Instant deadline, PluginCall<S, R> call) throws PluginCallException {
        return calls.call(tracker, id, deadline, null, call);
    }

    @Override
    public <R> R callFor(CallSubject subject, String id, Instant deadline, PluginCall<S, R> call)
            throws PluginCallException {
        return calls.call(tracker, id, deadline, subject, call);
    }

    @Override
    public Optional<BoundPlugin<S>> bind(PluginBindings bindings) {
        return BoundPlugin.of(this, bindings);
    }
}
