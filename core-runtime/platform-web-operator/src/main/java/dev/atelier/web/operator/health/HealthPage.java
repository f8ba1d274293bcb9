package dev.atelier.web.operator.health;

import dev.atelier.web.health.ReadinessCheck;
import java.util.List;

/**
 * What {@code operator/health.ftlh} shows.
 *
 * @param checks this node's readiness checks (database, plugin host...), as {@code /readyz} runs them
 * @param node what this node does: its worker threads, or none when it runs no generations
 * @param workers nodes whose workers hold running jobs, across the cluster
 * @param queue waiting and running jobs by model
 * @param outbox the mail outbox
 * @param failures the latest failed generations, newest first
 */
public record HealthPage(List<Check> checks, NodeWorkers node, List<WorkerNode> workers,
        List<QueueDepth> queue, OutboxDepth outbox, List<FailedJob> failures) {

    /**
     * One readiness check's outcome, as the page shows it.
     *
     * @param name what was checked ({@code database}...)
     * @param ok whether it passed
     * @param detail what it found, or an empty string
     */
    public record Check(String name, boolean ok, String detail) {

        static Check of(ReadinessCheck.Result result) {
            return new Check(result.name(), result.ready(), result.detail() == null ? "" : result.detail());
        }
    }

    /** The page of these readiness results and figures. */
    static HealthPage of(List<ReadinessCheck.Result> results, NodeWorkers node, HealthFigures figures) {
        return new HealthPage(results.stream().map(Check::of).toList(), node, figures.workers(), figures.queue(),
                figures.outbox(), figures.recentFailures());
    }

    public HealthPage {
        checks = List.copyOf(checks);
        workers = List.copyOf(workers);
        queue = List.copyOf(queue);
        failures = List.copyOf(failures);
    }

    /** Whether every readiness check passed. */
    public boolean ready() {
        return checks.stream().allMatch(Check::ok);
    }
}
