package dev.atelier.launcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.testkit.TestRedis;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Three nodes sharing a Redis: the cluster events travel over Redis pub/sub. */
class ClusterOverRedisTest extends ClusterNodesContract {

    private static final TestRedis REDIS = TestRedis.start();

    @RegisterExtension
    static final TestPlatform platform = firstNode()
            .set("atelier.redis.url", REDIS.url())
            .build();

    @BeforeAll
    static void nodes() throws Exception {
        startOtherNodes(platform);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Override
    TestPlatform platform() {
        return platform;
    }

    @Test
    void changesMadeWhileRedisWasDownAreCaughtUpWhenItReturns() throws Exception {
        assertThat(secondWeb.clusterEvents().describe()).startsWith("Redis");
        REDIS.stop();
        String name = "While Redis was down " + UUID.randomUUID().toString().substring(0, 6);
        rename(platform.atelier(), name);
        REDIS.startAgain();

        // Lettuce reconnects with a back-off of a few seconds; generous.
        await().atMost(Duration.ofSeconds(60)).until(() -> displayName(secondWeb).equals(name)
                && displayName(worker).equals(name));
        // And events flow again.
        String after = "After Redis returned " + UUID.randomUUID().toString().substring(0, 6);
        rename(platform.atelier(), after);
        await().atMost(SOON).until(() -> displayName(secondWeb).equals(after) && displayName(worker).equals(after));
    }
}
