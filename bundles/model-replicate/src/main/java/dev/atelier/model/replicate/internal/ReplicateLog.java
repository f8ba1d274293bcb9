package dev.atelier.model.replicate.internal;

/**
 * The bundle's logger. {@link System.Logger} is part of the JDK, so logging imports nothing into the bundle; the host
 * routes it to its own logging.
 */
final class ReplicateLog {

    static final System.Logger LOG = System.getLogger("dev.atelier.model.replicate");

    private ReplicateLog() {}
}
