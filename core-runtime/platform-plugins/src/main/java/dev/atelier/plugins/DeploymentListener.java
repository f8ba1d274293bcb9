package dev.atelier.plugins;

/**
 * Told about every install, update, removal and failure, for example to keep an audit trail. Called on the host's
 * deploy thread, one event at a time: return quickly. Exceptions are logged and ignored.
 */
@FunctionalInterface
public interface DeploymentListener {

    /** A listener that ignores events. */
    DeploymentListener NONE = event -> {};

    void onEvent(DeploymentEvent event);
}
