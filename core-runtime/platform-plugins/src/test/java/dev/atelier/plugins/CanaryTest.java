package dev.atelier.plugins;

import static dev.atelier.plugins.TestContext.prompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.atelier.core.db.Database;
import dev.atelier.core.deployments.BundleCanaryStore;
import dev.atelier.core.deployments.BundleRepository;
import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.tenant.TenantContext;
import dev.atelier.spi.testkit.TestTenantContext;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Canaries in a real plugin host on a real database: the canary jar runs beside the current one, and model calls go
 * to it by tenant or by share of jobs, until it is promoted or rolled back (by hand or on its error rate).
 */
@ExtendWith(ClusterBundlesTest.StartedDatabase.class)
class CanaryTest extends RunningHost {

    private static final String CANARY_FILE = CanaryFiles.fileName("acme.echo");

    private BundleRepository repository;
    private BundleCanaryStore store;
    private BundleCanaries canaries;

    @Override
    void beforeStart() {
        TestBundle.echo("acme.echo", "1.0.0").copyTo(deployDir, "echo.jar");
    }

    @BeforeEach
    void openCluster(Database database) {
        repository = new BundleRepository(database.dataSource(), Clock.systemUTC());
        store = new BundleCanaryStore(database.dataSource(), Clock.systemUTC());
        ClusterBundles cluster = new ClusterBundles(repository, deployDir, work.resolve("bundle-sync.properties"),
                "node-a");
        cluster.syncNow();
        canaries = new BundleCanaries(store, cluster, host, deployDir, new BundleCanaries.Thresholds(4, 20));
    }

    /** A job of {@code tenantId} with id {@code jobId}. */
    private record Job(String tenantId, String jobId) implements GenerationContext {

        @Override
        public TenantContext tenant() {
            return new TestTenantContext(tenantId, "t", Map.of(), jobId);
        }

        @Override
        public Instant deadline() {
            return Instant.now().plusSeconds(30);
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void progress(int percent, String stage) {}
    }

    private String served(String tenantId, String jobId) throws Exception {
        String text = text(host.models().generate("echo", prompt("hello"), new Job(tenantId, jobId)));
        return text.substring(text.indexOf("version=") + 8, text.indexOf(";tccl"));
    }

    private void startCanary(String tenantId, int percent) throws Exception {
        canaries.start("acme.echo", TestBundle.echo("acme.echo", "2.0.0").toBytes(), tenantId, percent, "test");
        await().atMost(WAIT).until(() -> status(CANARY_FILE)
                .filter(s -> s.state().equals(BundleStatus.ACTIVE) && !s.services().isEmpty()).isPresent());
    }

    @Test
    void theCanaryServesItsTenantOnlyAndStaysOutOfTheModelList() throws Exception {
        startCanary("tnt_canary", 0);

        assertThat(served("tnt_canary", "job_1")).isEqualTo("2.0.0");
        assertThat(served("tnt_other", "job_2")).isEqualTo("1.0.0");
        assertThat(host.models().list()).singleElement()
                .satisfies(model -> assertThat(model.bundleVersion()).isEqualTo("1.0.0"));
    }

    @Test
    void aShareOfJobsGoesToTheCanaryAndAJobAlwaysGoesToTheSameVersion() throws Exception {
        startCanary(null, 30);

        long expected = IntStream.range(0, 60).filter(i -> Math.floorMod(("job_" + i).hashCode(), 100) < 30).count();
        long toCanary = 0;
        for (int i = 0; i < 60; i++) {
            String version = served("tnt_any", "job_" + i);
            assertThat(served("tnt_any", "job_" + i)).as("job_%d asked again", i).isEqualTo(version);
            toCanary += version.equals("2.0.0") ? 1 : 0;
        }

        assertThat(toCanary).isEqualTo(expected).isBetween(1L, 59L);
    }

    @Test
    void callsAreCountedByBundleVersionKindAndRoleWithTheLastError() throws Exception {
        startCanary("tnt_canary", 0);
        served("tnt_other", "job_1");
        served("tnt_canary", "job_2");
        assertThatThrownBy(() -> host.models().generate("echo", prompt("fail"), new Job("tnt_other", "job_3")))
                .isInstanceOf(GenerationException.class);

        var current = host.callStats().snapshot().stream()
                .filter(s -> s.key().equals(new PluginCallStats.Key("acme.echo", "1.0.0", "model", false)))
                .findFirst().orElseThrow();
        var canary = host.callStats().snapshot().stream()
                .filter(s -> s.key().equals(new PluginCallStats.Key("acme.echo", "2.0.0", "model", true)))
                .findFirst().orElseThrow();

        assertThat(current.calls()).isEqualTo(2);
        assertThat(current.errors()).isEqualTo(1);
        assertThat(current.lastError()).contains("echo was told to fail");
        assertThat(current.lastErrorAt()).isNotNull();
        assertThat(canary.calls()).isEqualTo(1);
        assertThat(canary.errors()).isZero();
        assertThat(canaries.comparison("acme.echo").orElseThrow().candidate().calls()).isEqualTo(1);
    }

    @Test
    void aCanaryPastTheErrorThresholdIsRolledBackAutomatically() throws Exception {
        startCanary("tnt_canary", 0);
        served("tnt_canary", "job_ok");
        for (int i = 0; i < 3; i++) {
            int job = i;
            assertThatThrownBy(() -> host.models().generate("echo", prompt("fail"), new Job("tnt_canary", "j" + job)))
                    .isInstanceOf(GenerationException.class);
        }

        canaries.syncNow();

        assertThat(store.latest("acme.echo").orElseThrow().outcome())
                .isEqualTo("rolled back automatically: 3 of 4 calls failed (75 %, above 20 %)");
        assertThat(deployDir.resolve(CANARY_FILE)).doesNotExist();
        assertThat(served("tnt_canary", "job_after")).isEqualTo("1.0.0");
        await().atMost(WAIT).until(() -> status(CANARY_FILE).isEmpty());
    }

    @Test
    void aPromotedCanaryBecomesTheCurrentVersion() throws Exception {
        startCanary("tnt_canary", 0);

        canaries.promote("acme.echo", "test");

        assertThat(repository.latest()).singleElement()
                .satisfies(revision -> assertThat(revision.version()).isEqualTo("2.0.0"));
        awaitModelVersion("echo", "2.0.0");
        assertThat(served("tnt_other", "job_1")).isEqualTo("2.0.0");
        assertThat(Files.exists(deployDir.resolve(CANARY_FILE))).isFalse();
        assertThat(store.latest("acme.echo").orElseThrow().outcome()).isEqualTo("promoted by test");
    }

    @Test
    void aBundleHasOneCanaryAtATime() throws Exception {
        startCanary("tnt_canary", 0);

        assertThatThrownBy(() -> canaries.start("acme.echo", TestBundle.echo("acme.echo", "3.0.0").toBytes(), null, 10, "test"))
                .isInstanceOf(BundleCanaries.CanaryException.class)
                .hasMessage("'acme.echo' already has a canary; promote it or roll it back first.");
    }
}
