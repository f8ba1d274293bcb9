package dev.atelier.plugins.internal;

import dev.atelier.plugins.DeploymentEvent;
import dev.atelier.plugins.DeploymentListener;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands events to the platform's listener; a failing listener must not stop deployments. */
final class DeploymentEvents {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentEvents.class);

    private final DeploymentListener listener;

    DeploymentEvents(DeploymentListener listener) {
        this.listener = listener;
    }

    void publish(String action, String fileName, String symbolicName, String version, String detail) {
        DeploymentEvent event = new DeploymentEvent(Instant.now(), action, fileName, symbolicName, version, detail);
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.error("Deployment listener failed on {} of {}", action, fileName, e);
        }
    }
}
