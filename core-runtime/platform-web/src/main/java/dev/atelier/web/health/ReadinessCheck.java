package dev.atelier.web.health;

/**
 * One condition {@code /readyz} requires, such as "database reachable and migrated" or "plugin host started".
 * Implementations must answer quickly (load balancers poll often) and never throw.
 */
@FunctionalInterface
public interface ReadinessCheck {

    /** The outcome of one check. */
    record Result(String name, boolean ready, String detail) {

        public static Result ready(String name, String detail) {
            return new Result(name, true, detail);
        }

        public static Result notReady(String name, String reason) {
            return new Result(name, false, reason);
        }
    }

    Result check();
}
