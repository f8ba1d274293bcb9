package dev.atelier.launcher;

import dev.atelier.web.health.ReadinessCheck;
import java.util.function.BooleanSupplier;

/** Not ready once the node has begun to stop, so load balancers send new requests elsewhere while it drains. */
final class StoppingReadiness implements ReadinessCheck {

    private final BooleanSupplier stopping;

    StoppingReadiness(BooleanSupplier stopping) {
        this.stopping = stopping;
    }

    @Override
    public Result check() {
        return stopping.getAsBoolean() ? Result.notReady("node", "This node is stopping.")
                : Result.ready("node", "Running.");
    }
}
