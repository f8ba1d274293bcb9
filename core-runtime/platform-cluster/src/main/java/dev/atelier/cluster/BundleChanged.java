package dev.atelier.cluster;

/**
 * A plugin bundle was deployed, updated, rolled back or removed on a node. Operators and the console see what changed
 * where; a central bundle repository installs the same version on every node from it.
 *
 * @param symbolicName the bundle's {@code Bundle-SymbolicName}
 * @param version the version now running, or the removed one's
 * @param action what happened
 */
public record BundleChanged(String symbolicName, String version, Action action) implements ClusterEvent {

    /** The event's name on the wire. */
    public static final String KIND = "bundle.changed";

    /** What happened to the bundle. */
    public enum Action {
        DEPLOYED, UPDATED, ROLLED_BACK, REMOVED
    }
}
