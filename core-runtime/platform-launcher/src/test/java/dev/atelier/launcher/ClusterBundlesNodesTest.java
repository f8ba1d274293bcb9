package dev.atelier.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestJars;
import dev.atelier.launcher.platform.TestPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes with deploy folders of their own, kept in step through the cluster's bundle repository. */
class ClusterBundlesNodesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREVIEW = "/api/v1/operator/models/procedural/preview?prompt=harbour&width=64&height=64";
    private static final Path PROCEDURAL = TestPlatform.shippedBundle("model-procedural.jar");

    @TempDir
    Path scratch;

    @RegisterExtension
    final TestPlatform platform = TestPlatform.builder().build();

    @Test
    void aBundleUpdatedOnOneNodeServesOnBothWithoutAFailedRequestOnEither() throws Exception {
        platform.drop(PROCEDURAL, "model-procedural.jar");
        Browser onA = platform.operator();
        await().atMost(Duration.ofSeconds(10)).until(() -> proceduralVersion(onA) != null);
        Path deployB = Files.createDirectories(scratch.resolve("deploy-b"));

        try (Atelier nodeB = platform.startAnotherNode("b", Map.of("atelier.plugins.deploy-dir", deployB.toString(),
                "atelier.http.port", "0"))) {
            Browser onB = platform.operatorOn(nodeB);
            String version = proceduralVersion(onA);
            // Installed from the cluster as it started, never copied by hand; its service may register a moment later.
            await().atMost(Duration.ofSeconds(20)).until(() -> version.equals(proceduralVersion(onB)));

            try (RequestLoop onNodeA = new RequestLoop(onA, PREVIEW);
                    RequestLoop onNodeB = new RequestLoop(onB, PREVIEW)) {
                await().until(() -> onNodeA.requests() > 3 && onNodeB.requests() > 3);
                platform.drop(TestJars.withVersion(PROCEDURAL, scratch.resolve("v2.jar"), "0.2.0"),
                        "model-procedural.jar");
                await().atMost(Duration.ofSeconds(30)).until(() -> "0.2.0".equals(proceduralVersion(onA))
                        && "0.2.0".equals(proceduralVersion(onB)));
                int beforeA = onNodeA.requests();
                int beforeB = onNodeB.requests();
                await().until(() -> onNodeA.requests() > beforeA + 3 && onNodeB.requests() > beforeB + 3);
                assertThat(onNodeA.failures()).as("previews on node A while it updated").isEmpty();
                assertThat(onNodeB.failures()).as("previews on node B while node A's update reached it").isEmpty();
            }
            try (var files = Files.list(deployB)) {
                assertThat(files).extracting(f -> f.getFileName().toString())
                        .containsExactly("dev.atelier.model.procedural.jar");
            }
        }
    }

    private static String proceduralVersion(Browser node) throws Exception {
        for (JsonNode model : JSON.readTree(node.get("/api/v1/models").body()).get("items")) {
            if (model.get("id").asText().equals("procedural")) {
                return model.at("/bundle/version").asText();
            }
        }
        return null;
    }
}
