package dev.atelier.launcher.cluster;

import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.testkit.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Nodes killed mid-load while the cluster events travel over Redis pub/sub. */
class KilledNodesOverRedisTest extends KilledNodesContract {

    private static final TestRedis REDIS = TestRedis.start();

    @RegisterExtension
    static final TestPlatform platform = firstNode().set("atelier.redis.url", REDIS.url()).build();

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Override
    TestPlatform platform() {
        return platform;
    }
}
