package dev.atelier.plugins;

import java.util.Map;
import java.util.Optional;

/**
 * The canaries this node routes calls to, by bundle symbolic name. Set by whoever keeps canaries in step with the
 * cluster; read by the call wrapper on every call, so it is an immutable map swapped whole. A canary bundle's
 * services serve only the calls its plan routes to them, never the rest.
 */
public final class CanaryRoutes {

    private volatile Map<String, CanaryPlan> plans = Map.of();

    /** Replaces every plan at once. */
    public void set(Map<String, CanaryPlan> byBundle) {
        plans = Map.copyOf(byBundle);
    }

    /** The plan of {@code symbolicName}'s canary, if it has one. */
    public Optional<CanaryPlan> of(String symbolicName) {
        return Optional.ofNullable(plans.get(symbolicName));
    }

    /** Whether the call for {@code subject} to a canary of {@code symbolicName} goes to that canary. */
    public boolean routes(String symbolicName, CallSubject subject) {
        CanaryPlan plan = plans.get(symbolicName);
        return plan != null && plan.routes(subject);
    }
}
