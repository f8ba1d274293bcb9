package dev.atelier.launcher.cluster;

import dev.atelier.launcher.platform.TestPlatform;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Nodes killed mid-load while the cluster events travel over PostgreSQL LISTEN/NOTIFY (no Redis). */
class KilledNodesOverPostgresTest extends KilledNodesContract {

    @RegisterExtension
    static final TestPlatform platform = firstNode().build();

    @Override
    TestPlatform platform() {
        return platform;
    }
}
