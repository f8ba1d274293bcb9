package dev.atelier.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.launcher.platform.TestPlatform;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A newcomer starts the platform with no configuration at all, stops it, and starts it again. */
class EmbeddedDefaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void startsOnAnEmbeddedDatabaseAndKeepsItsDataAcrossARestart() throws Exception {
        try (TestPlatform platform = TestPlatform.builder().embeddedDatabase()
                .bundle("model-procedural.jar", "procedural").start()) {
            var ready = platform.operator().get("/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(platform.atelier().database().description()).startsWith("embedded PostgreSQL");
            assertThat(platform.operator().get("/api/v1/models").body()).contains("\"id\":\"procedural\"");
            JsonNode before = deployments(platform);
            assertThat(before).hasSize(1);
            String firstInstall = before.get(0).get("id").asText();

            platform.stop();
            assertThat(platform.home().resolve("data/postgres")).isDirectory();
            platform.start();

            await().atMost(Duration.ofSeconds(10)).until(() -> platform.operator().get("/readyz").statusCode() == 200);
            JsonNode after = deployments(platform);
            assertThat(after.findValuesAsText("id")).contains(firstInstall).hasSize(2);
        }
    }

    private static JsonNode deployments(TestPlatform platform) throws Exception {
        return JSON.readTree(platform.operator().get("/api/v1/operator/deployments").body()).get("items");
    }
}
