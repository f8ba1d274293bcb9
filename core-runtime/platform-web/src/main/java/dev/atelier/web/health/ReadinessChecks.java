package dev.atelier.web.health;

import java.util.List;

/** The checks {@code /readyz} runs, in order. */
public final class ReadinessChecks {

    private final List<ReadinessCheck> checks;

    public ReadinessChecks(List<ReadinessCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public List<ReadinessCheck.Result> run() {
        return checks.stream().map(ReadinessCheck::check).toList();
    }
}
