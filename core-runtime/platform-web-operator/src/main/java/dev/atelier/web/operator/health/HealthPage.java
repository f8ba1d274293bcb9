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
public record HealthPage(List<ReadinessCheck.Result> checks, NodeWorkers node, List<WorkerNode> workers,
        List<QueueDepth> queue, OutboxDepth outbox, List<FailedJob> failures) {

    public HealthPage {
        checks = List.copyOf(checks);
        workers = List.copyOf(workers);
        queue = List.copyOf(queue);
        failures = List.copyOf(failures);
    }

    /** Whether every readiness check passed. */
    public boolean ready() {
        return checks.stream().allMatch(ReadinessCheck.Result::ready);
    }
}
