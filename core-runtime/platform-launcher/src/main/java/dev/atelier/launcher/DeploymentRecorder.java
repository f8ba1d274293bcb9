package dev.atelier.launcher;

import dev.atelier.core.deployments.DeploymentHistory;
import dev.atelier.core.deployments.DeploymentRecord;
import dev.atelier.plugins.DeploymentEvent;
import dev.atelier.plugins.DeploymentListener;

/** Keeps every bundle install, update, removal and failure in the database, so operators can see what changed. */
final class DeploymentRecorder implements DeploymentListener {

    private final DeploymentHistory history;

    DeploymentRecorder(DeploymentHistory history) {
        this.history = history;
    }

    @Override
    public void onEvent(DeploymentEvent event) {
        history.record(new DeploymentRecord(null, event.at(), event.action(), event.fileName(), event.symbolicName(),
                event.version(), event.detail()));
    }
}
