package dev.atelier.web.operator.health;

/**
 * A node whose workers run generations right now, known by the jobs they hold.
 *
 * @param node the node's worker id prefix ({@code worker-1a2b3c4d})
 * @param running jobs its workers run
 * @param expiredLeases of those, jobs whose lease ran out (the node may have died; the sweeper takes them back)
 */
public record WorkerNode(String node, long running, long expiredLeases) {}
