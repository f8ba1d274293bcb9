package dev.atelier.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostLifecycleTest {

    @TempDir
    Path work;

    @Test
    void hostThatCannotStartASystemBundleFailsAndLeavesNoFrameworkThreadRunning() throws Exception {
        Path systemBundles = Files.createDirectories(work.resolve("system"));
        Files.write(systemBundles.resolve("broken.jar"), "hello".getBytes(StandardCharsets.UTF_8));
        PluginHost host = new PluginHost(settings(systemBundles), DeploymentListener.NONE);

        assertThatThrownBy(host::start)
                .isInstanceOf(PluginHostException.class)
                .hasMessageContaining("broken.jar");

        assertThat(host.isStarted()).isFalse();
        // Trap 3: a framework thread that is not a daemon would keep the JVM alive after a failed start.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(thread -> !thread.isDaemon())
                .extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("Felix")));
    }

    @Test
    void closedHostIsNotStarted() throws Exception {
        PluginHost host = new PluginHost(settings(RunningHost.systemBundlesDir()), DeploymentListener.NONE);
        host.start();
        assertThat(host.isStarted()).isTrue();

        host.close();

        assertThat(host.isStarted()).isFalse();
        assertThatThrownBy(host::bundles).isInstanceOf(IllegalStateException.class);
    }

    private PluginHostSettings settings(Path systemBundles) {
        return new PluginHostSettings(work.resolve("deploy"), systemBundles, work.resolve("cache"),
                Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }
}
