package dev.atelier.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.launcher.platform.TestJars;
import dev.atelier.launcher.platform.TestPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A developer deploys, updates and removes a model bundle while the platform serves traffic. */
class PluginHotDeployTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODELS = "/api/v1/models";
    private static final String PREVIEW = "/api/v1/operator/models/procedural/preview?prompt=lighthouse&width=64&height=64";

    private static final Path PROCEDURAL = TestPlatform.shippedBundle("model-procedural.jar");

    @TempDir
    Path scratch;

    @RegisterExtension
    final TestPlatform platform = TestPlatform.builder().build();

    @Test
    void modelBundleIsServedUpdatedAndRemovedWithoutAFailedRequest() throws Exception {
        Path v2 = TestJars.withVersion(PROCEDURAL, scratch.resolve("v2.jar"), "0.2.0");
        try (RequestLoop listing = new RequestLoop(platform.operator(), MODELS)) {
            platform.drop(PROCEDURAL, "model-procedural.jar");
            await().atMost(Duration.ofSeconds(10)).until(() -> procedural() != null);
            listing.expect(body -> body.contains("\"id\":\"procedural\""));

            try (RequestLoop generating = new RequestLoop(platform.operator(), PREVIEW)) {
                await().until(() -> generating.requests() > 3);
                platform.drop(v2, "model-procedural.jar");
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> "0.2.0".equals(procedural().at("/bundle/version").asText()));
                int before = generating.requests();
                await().until(() -> generating.requests() > before + 3);
                assertThat(generating.failures()).as("generations during the update").isEmpty();
            }
            assertThat(procedural().get("version").asText()).isEqualTo("0.2.0");

            listing.expect(body -> true);
            Files.delete(platform.deployDir().resolve("model-procedural.jar"));
            await().atMost(Duration.ofSeconds(10)).until(() -> procedural() == null);
            assertThat(listing.failures()).as("model listings during deploy, update and removal").isEmpty();
            assertThat(listing.requests()).isGreaterThan(20);
        }
        assertThat(platform.operator().get(PREVIEW).statusCode()).isEqualTo(404);
    }

    @Test
    void brokenJarsAreListedWithAReasonAndThePlatformStaysReady() throws Exception {
        TestJars.notAZip(platform.deployDir().resolve("not-a-zip.jar"));
        TestJars.bundle(platform.deployDir().resolve("missing-import.jar"), Map.of(
                "Bundle-SymbolicName", "test.missing.import",
                "Bundle-Version", "1.0.0",
                "Import-Package", "com.acme.nowhere;version=\"[1,2)\""));
        TestJars.bundle(platform.deployDir().resolve("throwing-activator.jar"), Map.of(
                "Bundle-SymbolicName", "test.throwing.activator",
                "Bundle-Version", "1.0.0",
                "Import-Package", "org.osgi.framework",
                "Bundle-Activator", "dev.atelier.launcher.testbundles.ThrowingActivator"),
                dev.atelier.launcher.testbundles.ThrowingActivator.class);
        TestJars.bundle(platform.deployDir().resolve("bad-manifest.jar"), Map.of(
                "Bundle-SymbolicName", "test.bad.manifest",
                "Bundle-Version", "one.two"));

        await().atMost(Duration.ofSeconds(10)).until(() -> bundle("throwing-activator.jar") != null
                && bundle("not-a-zip.jar") != null && bundle("missing-import.jar") != null
                && bundle("bad-manifest.jar") != null);

        assertThat(bundle("not-a-zip.jar").get("state").asText()).isEqualTo("INVALID");
        assertThat(bundle("not-a-zip.jar").get("last_error").asText()).containsIgnoringCase("not a jar");
        assertThat(bundle("bad-manifest.jar").get("state").asText()).isEqualTo("INVALID");
        assertThat(bundle("bad-manifest.jar").get("last_error").asText()).containsIgnoringCase("version");
        assertThat(bundle("missing-import.jar").get("state").asText()).isEqualTo("INSTALLED");
        assertThat(bundle("missing-import.jar").get("last_error").asText()).contains("com.acme.nowhere");
        assertThat(bundle("throwing-activator.jar").get("state").asText()).isEqualTo("RESOLVED");
        assertThat(bundle("throwing-activator.jar").get("last_error").asText())
                .contains("the vendor API key is missing");

        assertThat(platform.operator().get("/readyz").statusCode()).isEqualTo(200);
        platform.drop(PROCEDURAL, "model-procedural.jar");
        await().atMost(Duration.ofSeconds(10)).until(() -> procedural() != null);
    }

    @Test
    void operatorUploadsAndDeletesABundleOverHttp() throws Exception {
        var created = platform.operator().post("/api/v1/operator/bundles", "application/java-archive",
                Files.readAllBytes(PROCEDURAL), Map.of());
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("state").asText()).isEqualTo("ACTIVE");
        assertThat(procedural()).isNotNull();

        var history = JSON.readTree(platform.operator().get("/api/v1/operator/deployments").body()).get("items");
        assertThat(history.get(0).get("action").asText()).isEqualTo("INSTALLED");
        assertThat(history.get(0).get("symbolic_name").asText()).isEqualTo("dev.atelier.model.procedural");

        var deleted = platform.operator().delete("/api/v1/operator/bundles/dev.atelier.model.procedural");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(procedural()).isNull();
        assertThat(platform.operator().delete("/api/v1/operator/bundles/dev.atelier.model.procedural").statusCode())
                .isEqualTo(404);
    }

    @Test
    void uploadOfANewerBuildUpdatesTheJarCopiedInByHand() throws Exception {
        platform.drop(PROCEDURAL, "model-procedural.jar");
        await().atMost(Duration.ofSeconds(10)).until(() -> procedural() != null);

        var updated = platform.operator().post("/api/v1/operator/bundles", "application/java-archive",
                Files.readAllBytes(TestJars.withVersion(PROCEDURAL, scratch.resolve("v3.jar"),
                        "0.3.0")), Map.of());

        assertThat(updated.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(updated.body()).get("file_name").asText()).isEqualTo("model-procedural.jar");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "0.3.0".equals(procedural().at("/bundle/version").asText()));
        try (var files = Files.list(platform.deployDir())) {
            assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly("model-procedural.jar");
        }
    }

    @Test
    void anOperatorRollsAnUpdateBackToTheJarTheBundleRanBefore() throws Exception {
        String path = "/api/v1/operator/bundles/dev.atelier.model.procedural/rollback";
        platform.operator().post("/api/v1/operator/bundles", "application/java-archive",
                Files.readAllBytes(TestJars.withVersion(PROCEDURAL, scratch.resolve("v4.jar"), "0.4.0")), Map.of());
        var nothingEarlier = platform.operator().post(path, "application/json", new byte[0], Map.of());
        assertThat(nothingEarlier.statusCode()).isEqualTo(409);

        platform.operator().post("/api/v1/operator/bundles", "application/java-archive",
                Files.readAllBytes(TestJars.withVersion(PROCEDURAL, scratch.resolve("v5.jar"), "0.5.0")), Map.of());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "0.5.0".equals(procedural().at("/bundle/version").asText()));

        var rolledBack = platform.operator().post(path, "application/json", new byte[0], Map.of());

        assertThat(rolledBack.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(rolledBack.body()).get("version").asText()).isEqualTo("0.4.0");
        assertThat(procedural().at("/bundle/version").asText()).isEqualTo("0.4.0");
        assertThat(platform.operator().post("/api/v1/operator/bundles/no.such.bundle/rollback", "application/json",
                new byte[0], Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void uploadThatIsNotABundleIsRefusedAndNothingIsDeployed() throws Exception {
        var response = platform.operator().post("/api/v1/operator/bundles", "application/java-archive",
                "definitely not a jar".getBytes(), Map.of());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("not a bundle");
        try (var files = Files.list(platform.deployDir())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void previewRendersAPngAndRejectsOutOfBoundsParameters() throws Exception {
        platform.drop(PROCEDURAL, "model-procedural.jar");
        await().atMost(Duration.ofSeconds(10)).until(() -> procedural() != null);

        var png = platform.operator()
                .getBytes("/api/v1/operator/models/procedural/preview?prompt=tide&width=128&height=96");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');

        var tooWide = platform.operator().get("/api/v1/operator/models/procedural/preview?prompt=tide&width=99999");
        assertThat(tooWide.statusCode()).isEqualTo(422);
        JsonNode error = JSON.readTree(tooWide.body()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("width");
        assertThat(error.get("message").asText()).contains("between 64 and 2048");
    }

    @Test
    void operatorApiAnswers401WithoutAValidOperatorToken() throws Exception {
        var anonymous = platform.browserOnHost("127.0.0.1").get("/api/v1/operator/bundles", Map.of());
        var forged = platform.browserOnHost("127.0.0.1").get("/api/v1/operator/bundles",
                Map.of("Authorization", "Bearer atlop_not-a-real-token"));
        var revoked = platform.browserOnHost("127.0.0.1").get("/api/v1/operator/bundles",
                Map.of("Authorization", "Bearer " + revokedOperatorToken()));

        for (var response : java.util.List.of(anonymous, forged, revoked)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(platform.operator().get("/api/v1/operator/bundles").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownAddressesAnswerWithAProblemDocument() throws Exception {
        var response = platform.operator().get("/api/v1/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(404);
    }

    private String revokedOperatorToken() {
        var tokens = platform.atelier().accounts().operatorTokens();
        var created = tokens.create("revoked in a test");
        tokens.revoke(created.info().id());
        return created.token();
    }

    private JsonNode procedural() throws Exception {
        for (JsonNode model : JSON.readTree(platform.operator().get(MODELS).body()).get("items")) {
            if (model.get("id").asText().equals("procedural")) {
                return model;
            }
        }
        return null;
    }

    private JsonNode bundle(String fileName) throws Exception {
        for (JsonNode bundle : JSON.readTree(platform.operator().get("/api/v1/operator/bundles").body()).get("items")) {
            if (bundle.get("file_name").asText().equals(fileName)) {
                return bundle;
            }
        }
        return null;
    }
}
