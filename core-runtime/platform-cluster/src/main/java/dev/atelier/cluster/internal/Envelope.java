package dev.atelier.cluster.internal;

import dev.atelier.cluster.ClusterEvent;

/**
 * One event as it travels between nodes.
 *
 * @param seq its place in the change log, or 0 for a transient event
 * @param origin the node that published it
 * @param event what happened
 */
public record Envelope(long seq, String origin, ClusterEvent event) {}
