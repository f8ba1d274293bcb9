package dev.atelier.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A newcomer starts the platform with no configuration at all, stops it, and starts it again. */
class EmbeddedDefaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void startsOnAnEmbeddedDatabaseAndKeepsItsDataAcrossARestart() throws Exception {
        try (PlatformFixture platform = PlatformFixture.install(home, null, null, null)) {
            Files.copy(PlatformFixture.PROCEDURAL_JAR, platform.deployDir().resolve("model-procedural.jar"));
            platform.start();

            var ready = platform.get("/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(platform.atelier().database().description()).startsWith("embedded PostgreSQL");
            assertThat(platform.get("/api/v1/models").body()).contains("\"id\":\"procedural\"");
            JsonNode before = deployments(platform);
            assertThat(before).hasSize(1);
            String firstInstall = before.get(0).get("id").asText();

            platform.stop();
            assertThat(home.resolve("data/postgres")).isDirectory();
            platform.start();

            await().atMost(Duration.ofSeconds(10)).until(() -> platform.get("/readyz").statusCode() == 200);
            JsonNode after = deployments(platform);
            assertThat(after.findValuesAsText("id")).contains(firstInstall).hasSize(2);
        }
    }

    private static JsonNode deployments(PlatformFixture platform) throws Exception {
        return JSON.readTree(platform.get("/api/v1/operator/deployments").body()).get("items");
    }
}
