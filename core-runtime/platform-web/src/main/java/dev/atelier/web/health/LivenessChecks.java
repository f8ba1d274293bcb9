package dev.atelier.web.health;

import java.util.List;

/**
 * The checks {@code /healthz} runs, in order. Unlike readiness, a failed liveness check asks an orchestrator to restart
 * the process, so each fails only for a condition a restart may cure and that has lasted (a database unreachable for
 * longer than its grace), never for a passing hiccup.
 */
public final class LivenessChecks {

    private final List<ReadinessCheck> checks;

    public LivenessChecks(List<ReadinessCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public List<ReadinessCheck.Result> run() {
        return checks.stream().map(ReadinessCheck::check).toList();
    }
}
