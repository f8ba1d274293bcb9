package dev.atelier.launcher.cluster;

import static org.awaitility.Awaitility.await;

import dev.atelier.launcher.platform.TestPlatform;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Three nodes without Redis: the cluster events travel over PostgreSQL LISTEN/NOTIFY. */
class ClusterOverPostgresTest extends ClusterNodesContract {

    @RegisterExtension
    static final TestPlatform platform = firstNode()
            .build();

    @BeforeAll
    static void nodes() throws Exception {
        startOtherNodes(platform);
    }

    @Override
    TestPlatform platform() {
        return platform;
    }

    @Test
    void eventsResumeAfterTheListeningConnectionsDrop() throws Exception {
        try (Connection c = platform.atelier().database().dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = 'atelier-cluster-listen'");
        }
        String name = "After the drop " + UUID.randomUUID().toString().substring(0, 6);
        rename(platform.atelier(), name);

        await().atMost(SOON).until(() -> displayName(secondWeb).equals(name) && displayName(worker).equals(name));
    }
}
