package dev.atelier.launcher.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestJars;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import dev.atelier.launcher.testbundles.TestModel;
import dev.atelier.launcher.testbundles.TestModelsActivator;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model bundle's canary serving one tenant's real jobs: a broken canary fails that tenant's jobs (their credits are
 * released, nobody else's job is touched) until its error rate rolls it back, and then the tenant's jobs run on the
 * current version again.
 */
class CanaryJobsTest {

    static final String CANARY_TENANT = "canarystudio";
    static final String OTHER_TENANT = "steadystudio";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFER = "{id: test-quick, credits: 2}";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles()
            .testModels("test.jobs", "test-quick")
            .studio(CANARY_TENANT, OFFER, "credits: {max_concurrent_jobs_per_user: 10}")
            .studio(OTHER_TENANT, OFFER, "credits: {max_concurrent_jobs_per_user: 10}")
            .set("atelier.plugins.canary.min-calls", "3")
            .build();

    @TempDir
    Path scratch;

    @Test
    void aBrokenCanaryFailsOnlyItsTenantsJobsWithCreditsReleasedAndIsRolledBackAutomatically() throws Exception {
        Browser api = platform.operator();
        Path broken = TestJars.bundle(scratch.resolve("broken.jar"), Map.of(
                "Bundle-SymbolicName", "test.jobs",
                "Bundle-Version", "1.1.0",
                "Bundle-Activator", TestModelsActivator.class.getName(),
                "Import-Package", "dev.atelier.spi.model;version=\"[1.0,2)\",org.osgi.framework",
                "Test-Models", "test-quick",
                "Test-Behaviour", "test-throws"), TestModelsActivator.class, TestModel.class);
        HttpResponse<String> started = api.post("/api/v1/operator/bundles/test.jobs/canary?tenant=" + CANARY_TENANT,
                "application/java-archive", Files.readAllBytes(broken), Map.of());
        assertThat(started.statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(15)).until(() -> canaryServing(api));

        User steady = platform.user(OTHER_TENANT, 10);
        String fine = Jobs.accepted(steady.submit("{\"model\":\"test-quick\",\"prompt\":\"anything\"}"));
        assertThat(Jobs.awaitFinal(steady, fine).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(platform.balance(steady)).isEqualTo(8);

        User canary = platform.user(CANARY_TENANT, 10);
        for (int i = 0; i < 3; i++) {
            String id = Jobs.accepted(canary.submit("{\"model\":\"test-quick\",\"prompt\":\"anything\"}"));
            assertThat(Jobs.awaitFinal(canary, id).get("status").asText()).isEqualTo("FAILED");
            assertThat(platform.ledgerKinds(canary, id)).containsExactly(LedgerEntry.Kind.HOLD,
                    LedgerEntry.Kind.RELEASE);
        }
        assertThat(platform.balance(canary)).isEqualTo(10);

        await().atMost(Duration.ofSeconds(15)).until(() -> !canary(api).get("running").asBoolean());
        assertThat(canary(api).get("outcome").asText()).startsWith("rolled back automatically: 3 of 3 calls failed");
        String after = Jobs.accepted(canary.submit("{\"model\":\"test-quick\",\"prompt\":\"anything\"}"));
        assertThat(Jobs.awaitFinal(canary, after).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(platform.balance(canary)).isEqualTo(8);
    }

    private static boolean canaryServing(Browser api) throws Exception {
        HttpResponse<String> status = api.get("/api/v1/operator/bundles/test.jobs~canary.jar");
        return status.statusCode() == 200 && JSON.readTree(status.body()).get("state").asText().equals("ACTIVE")
                && !JSON.readTree(status.body()).get("services").isEmpty();
    }

    private static JsonNode canary(Browser api) throws Exception {
        return JSON.readTree(api.get("/api/v1/operator/bundles/test.jobs/canary").body());
    }
}
