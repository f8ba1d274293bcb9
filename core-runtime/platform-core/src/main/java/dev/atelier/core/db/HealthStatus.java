package dev.atelier.core.db;

/**
 * Outcome of {@link Database#check}: whether the database can serve requests, and a sentence for an operator.
 *
 * @param healthy true when PostgreSQL answers and every migration is applied
 * @param detail why it is (un)healthy, for example {@code "database \"atelier\" does not exist"}
 */
public record HealthStatus(boolean healthy, String detail) {

    public static HealthStatus healthy(String detail) {
        return new HealthStatus(true, detail);
    }

    public static HealthStatus unhealthy(String detail) {
        return new HealthStatus(false, detail);
    }
}
