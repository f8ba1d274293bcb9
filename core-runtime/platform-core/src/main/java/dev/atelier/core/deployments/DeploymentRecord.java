package dev.atelier.core.deployments;

import java.time.Instant;
import java.util.Set;

/**
 * One change to the deployed plugin bundles, as operators see it in the deployment history.
 *
 * @param id UUIDv7 string; {@code null} when recording, and the history assigns one
 * @param occurredAt when it happened; {@code null} when recording means now
 * @param action one of {@link #ACTIONS}
 * @param fileName the jar in the deploy folder, if known
 * @param symbolicName the bundle's symbolic name, if it could be read
 * @param version the bundle's version, if it could be read
 * @param detail a sentence for operators, for example why the bundle failed
 */
public record DeploymentRecord(String id, Instant occurredAt, String action, String fileName, String symbolicName,
        String version, String detail) {

    public static final String INSTALLED = "INSTALLED";
    public static final String UPDATED = "UPDATED";
    public static final String REMOVED = "REMOVED";
    public static final String FAILED = "FAILED";
    public static final Set<String> ACTIONS = Set.of(INSTALLED, UPDATED, REMOVED, FAILED);

    public DeploymentRecord {
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("action must be one of " + ACTIONS + ", was " + action);
        }
    }
}
