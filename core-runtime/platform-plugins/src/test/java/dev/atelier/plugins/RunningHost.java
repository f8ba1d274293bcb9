package dev.atelier.plugins;

import static org.awaitility.Awaitility.await;

import dev.atelier.spi.model.GenerationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the plugin host tests: a real host with the real system bundles, started before each test. */
abstract class RunningHost {

    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path work;

    Path deployDir;
    PluginHost host;
    final List<DeploymentEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startHost() throws Exception {
        deployDir = work.resolve("deploy");
        Files.createDirectories(deployDir);
        beforeStart();
        host = new PluginHost(settings(), events::add, kinds());
        host.start();
    }

    @AfterEach
    void closeHost() {
        if (host != null) {
            host.close();
        }
    }

    /** Hook for tests that need jars in place before the host starts. */
    void beforeStart() {}

    /** The plugin kinds the host declares. */
    List<PluginKind<?, ?>> kinds() {
        return PluginKinds.ALL;
    }

    PluginHostSettings settings() {
        return new PluginHostSettings(deployDir, systemBundlesDir(), work.resolve("cache"), Duration.ofMillis(50),
                Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    static Path systemBundlesDir() {
        String dir = System.getProperty("atelier.test.systemBundlesDir");
        if (dir == null) {
            throw new IllegalStateException("System property atelier.test.systemBundlesDir is not set: run the tests "
                    + "with Maven, which copies SCR and its API into target/system-bundles");
        }
        return Path.of(dir);
    }

    Optional<BundleStatus> status(String fileName) {
        return host.bundles().stream().filter(s -> s.fileName().equals(fileName)).findFirst();
    }

    BundleStatus awaitStatus(String fileName, String state) {
        return await().atMost(WAIT).until(() -> status(fileName).filter(s -> s.state().equals(state)), Optional::isPresent)
                .orElseThrow();
    }

    void awaitModelVersion(String modelId, String version) {
        await().atMost(WAIT).until(() -> host.models().find(modelId)
                .map(m -> m.bundleVersion().equals(version)).orElse(false));
    }

    /** What an EchoModel answered, for example {@code model=echo;version=1.0.0;tccl=bundle}. */
    static String text(GenerationResult result) {
        try (var in = result.outputs().get(0).open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
