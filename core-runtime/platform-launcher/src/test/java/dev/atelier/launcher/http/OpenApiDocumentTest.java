package dev.atelier.launcher.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.web.api.openapi.OpenApiDocument;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OpenAPI document of the JSON API cannot drift from the routes: every {@code /api} route of the running
 * platform's Jersey resource model is in it with its method, and every operation it documents is served. A new route
 * fails this test until the document describes it. The document is served on every host, as JSON.
 */
class OpenApiDocumentTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().build();

    @Test
    void documentsEveryApiRouteThePlatformServes() {
        assertThat(documented()).as("add these routes to openapi.yaml in platform-web-api")
                .containsAll(served());
    }

    @Test
    void servesEveryOperationItDocuments() {
        assertThat(served()).as("operations openapi.yaml documents that the platform does not serve")
                .containsAll(documented());
    }

    @ParameterizedTest
    @ValueSource(strings = {"auratuner.localhost", "operator.localhost", "localhost"})
    void isServedAsJsonOnEveryHost(String host) throws Exception {
        HttpResponse<String> response = platform.get(host, "/api/v1/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode served = new ObjectMapper().readTree(response.body());
        assertThat(served.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(served).isEqualTo(OpenApiDocument.load().tree());
    }

    /** "METHOD /path/{param}" of every route under /api, from Jersey's resource model, regexes left out. */
    private static Set<String> served() {
        Set<String> routes = new TreeSet<>();
        for (String route : Routes.templates(platform.atelier().web())) {
            String path = route.substring(route.indexOf(' ') + 1);
            if (path.startsWith("/api/")) {
                routes.add(route);
            }
        }
        return routes;
    }

    /** "METHOD /path/{param}" of every operation of the document. */
    private static Set<String> documented() {
        Set<String> operations = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = OpenApiDocument.load().tree().path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (HTTP_METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return operations;
    }
}
