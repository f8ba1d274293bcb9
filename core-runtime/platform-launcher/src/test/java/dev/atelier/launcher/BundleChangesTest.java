package dev.atelier.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.cluster.BundleChanged.Action;
import dev.atelier.plugins.DeploymentEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the other nodes are told a deployment on this node did. */
class BundleChangesTest {

    @Test
    void anUpdateToAnOlderVersionIsARollback() {
        assertThat(action(DeploymentEvent.UPDATED, "1.2.0", "updated from 1.3.0")).isEqualTo(Action.ROLLED_BACK);
        assertThat(action(DeploymentEvent.UPDATED, "1.3.0", "updated from 1.2.0")).isEqualTo(Action.UPDATED);
        assertThat(action(DeploymentEvent.UPDATED, "1.3.0", "updated from 1.3.0")).isEqualTo(Action.UPDATED);
    }

    @Test
    void installsAndRemovalsAreToldAndFailuresAreNot() {
        assertThat(action(DeploymentEvent.INSTALLED, "1.0.0", null)).isEqualTo(Action.DEPLOYED);
        assertThat(action(DeploymentEvent.REMOVED, "1.0.0", null)).isEqualTo(Action.REMOVED);
        assertThat(action(DeploymentEvent.FAILED, null, "not a bundle")).isNull();
    }

    private static Action action(String what, String version, String detail) {
        return ClusterWiring.actionOf(new DeploymentEvent(Instant.now(), what, "model.jar", "dev.atelier.model",
                version, detail));
    }
}
