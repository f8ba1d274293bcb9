package dev.atelier.launcher.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.atelier.launcher.ChromiumExtension;
import dev.atelier.launcher.PolicyViolations;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestJars;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.testbundles.TestModel;
import dev.atelier.launcher.testbundles.TestModelsActivator;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's bundle versions, rollbacks and canaries through the operator API and the console's bundles page, on
 * a running platform with the demo tenants. Each test deploys a bundle of its own name, so they share one platform.
 * Screenshots: {@code target/screenshots/operator-bundles*.png}.
 */
class BundleVersionsAndCanariesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JAR = "application/java-archive";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().build();
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @TempDir
    Path scratch;

    @Test
    void retainedVersionsAreListedPageByPageAndARollbackGoesToTheNamedOne() throws Exception {
        Browser api = platform.operator();
        for (String version : new String[] {"1.0.0", "1.1.0", "1.2.0"}) {
            assertThat(deploy(api, "test.versions", version, "versions-model").statusCode()).isEqualTo(201);
        }

        JsonNode first = json(api.get("/api/v1/operator/bundles/test.versions/versions?limit=2"));
        JsonNode second = json(api.get("/api/v1/operator/bundles/test.versions/versions?limit=2&cursor="
                + first.get("next_cursor").asText()));
        assertThat(first.get("items")).extracting(v -> v.get("version").asText()).containsExactly("1.2.0", "1.1.0");
        assertThat(first.at("/items/0/current").asBoolean()).isTrue();
        assertThat(first.at("/items/0/changed_at").asText()).isNotBlank();
        assertThat(second.get("items")).extracting(v -> v.get("version").asText()).containsExactly("1.0.0");
        assertThat(second.get("next_cursor").isNull()).isTrue();

        HttpResponse<String> back = api.postJson("/api/v1/operator/bundles/test.versions/rollback",
                "{\"version\": \"1.0.0\"}", Map.of());
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(json(back).get("version").asText()).isEqualTo("1.0.0");
        HttpResponse<String> previous = api.send("POST", "/api/v1/operator/bundles/test.versions/rollback", Map.of(),
                null);
        assertThat(json(previous).get("version").asText()).as("no body: the jar before the current one")
                .isEqualTo("1.2.0");

        HttpResponse<String> unknown = api.postJson("/api/v1/operator/bundles/test.versions/rollback",
                "{\"version\": \"9.9.9\"}", Map.of());
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(unknown).at("/errors/0/field").asText()).isEqualTo("version");
        assertThat(api.get("/api/v1/operator/bundles/test.absent/versions").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/operator/bundles/test.versions/versions?cursor=%25%25").statusCode())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/operator/bundles/test.versions/rollback", "application/json",
                "{\"version\": \"" + "9".repeat(2 * 1024 * 1024) + "\"}").statusCode()).isEqualTo(413);
    }

    @Test
    void theConsoleRollsBackAndUninstallsOnlyFromItsOwnOrigin() throws Exception {
        Browser api = platform.operator();
        deploy(api, "test.console", "2.0.0", "console-model");
        deploy(api, "test.console", "2.1.0", "console-model");
        Browser console = signedInConsole();

        HttpResponse<String> page = console.get("/operator/bundles");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Bundles</h1>", "<code>test.console</code>", "Roll back to this",
                "Healthy", "Start canary");

        HttpResponse<String> foreign = console.postForm("/operator/bundles/test.console/rollback",
                Map.of("version", "2.0.0"), "Origin", "https://elsewhere.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(version(api, "test.console")).isEqualTo("2.1.0");

        HttpResponse<String> own = console.postForm("/operator/bundles/test.console/rollback",
                Map.of("version", "2.0.0"), "Origin", origin());
        assertThat(own.statusCode()).isEqualTo(303);
        assertThat(console.redirect(own)).isEqualTo("/operator/bundles?done=rolled-back");
        await().atMost(Duration.ofSeconds(15)).until(() -> "2.0.0".equals(version(api, "test.console")));

        HttpResponse<String> unconfirmed = console.postForm("/operator/bundles/test.console/uninstall", Map.of(),
                "Origin", origin());
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        assertThat(unconfirmed.body()).contains("Tick the box");
        HttpResponse<String> confirmed = console.postForm("/operator/bundles/test.console/uninstall",
                Map.of("confirm", "yes"), "Origin", origin());
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(api.get("/api/v1/operator/bundles/test.console").statusCode()).isEqualTo(404);
    }

    @Test
    void aCanaryForOneTenantRunsBesideTheCurrentVersionUntilItIsRolledBack() throws Exception {
        Browser api = platform.operator();
        deploy(api, "test.canary", "3.0.0", "canary-model");

        HttpResponse<String> started = api.post("/api/v1/operator/bundles/test.canary/canary?tenant=auratuner&percent=10", JAR,
                bytes(jar("test.canary", "3.1.0", "canary-model")), Map.of());
        assertThat(started.statusCode()).isEqualTo(201);
        assertThat(json(started).get("tenant").asText()).isEqualTo("auratuner");
        assertThat(json(started).get("running").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(
                platform.deployDir().resolve("test.canary~canary.jar")));
        assertThat(version(api, "test.canary")).as("the current version still serves").isEqualTo("3.0.0");
        HttpResponse<String> second = api.post("/api/v1/operator/bundles/test.canary/canary?percent=5", JAR,
                bytes(jar("test.canary", "3.2.0", "canary-model")), Map.of());
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(api.post("/api/v1/operator/bundles/test.canary/canary?tenant=nobody", JAR,
                bytes(jar("test.canary", "3.2.0", "canary-model")), Map.of()).statusCode()).isEqualTo(422);

        HttpResponse<String> rolledBack = api.send("POST", "/api/v1/operator/bundles/test.canary/canary/rollback",
                Map.of(), null);
        assertThat(rolledBack.statusCode()).isEqualTo(200);
        assertThat(json(rolledBack).get("running").asBoolean()).isFalse();
        assertThat(json(rolledBack).get("outcome").asText()).isEqualTo("rolled back by operator API");
        await().atMost(Duration.ofSeconds(15)).until(() -> !Files.exists(
                platform.deployDir().resolve("test.canary~canary.jar")));
    }

    @Test
    void theBundlesPageShowsVersionsAndACanaryAndRollsBackWithOneClick() throws Exception {
        Browser api = platform.operator();
        deploy(api, "test.shown", "4.0.0", "shown-model");
        deploy(api, "test.shown", "4.1.0", "shown-model");
        api.post("/api/v1/operator/bundles/test.shown/canary?tenant=marginalia&percent=25", JAR,
                bytes(jar("test.shown", "4.2.0", "shown-model")), Map.of());
        String token = platform.atelier().accounts().operatorTokens().create("screenshots").token();

        try (BrowserContext context = chromium.browser().newContext(
                new NewContextOptions().setViewportSize(1280, 1000))) {
            PolicyViolations violations = PolicyViolations.watch(context);
            Page page = context.newPage();
            page.navigate(origin() + "/operator/signin");
            page.fill("input[name=token]", token);
            page.click("button[type=submit]");
            page.waitForURL(origin() + "/");
            page.navigate(origin() + "/operator/bundles");
            page.waitForSelector("#bundle-test-shown");
            page.screenshot(new Page.ScreenshotOptions().setPath(ChromiumExtension.SHOTS
                    .resolve("operator-bundles.png")).setFullPage(true));
            page.locator("#bundle-test-shown").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(ChromiumExtension.SHOTS.resolve("operator-bundles-canary.png")));
            assertThat(page.textContent("#bundle-test-shown")).contains("Canary 4.2.0", "tenant marginalia",
                    "25 % of other jobs", "Promote canary");

            page.locator("#bundle-test-shown form[action$='/rollback']:has(input[value='4.0.0']) button").click();
            page.waitForURL("**/operator/bundles?done=rolled-back");
            page.screenshot(new Page.ScreenshotOptions().setPath(ChromiumExtension.SHOTS
                    .resolve("operator-bundles-rolled-back.png")).setFullPage(false));

            assertThat(page.textContent(".op-notice")).contains("Rolled back");
            assertThat(violations.seen()).isEmpty();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> "4.0.0".equals(version(api, "test.shown")));
    }

    private Browser signedInConsole() throws Exception {
        Browser console = platform.browserOnHost(TestPlatform.OPERATOR_HOST);
        String token = platform.atelier().accounts().operatorTokens().create("console").token();
        console.postForm("/operator/signin", Map.of("token", token), "Origin", origin());
        return console;
    }

    private static String origin() {
        return "http://" + TestPlatform.OPERATOR_HOST + ":" + platform.port();
    }

    private HttpResponse<String> deploy(Browser api, String name, String version, String modelId) throws Exception {
        HttpResponse<String> response = api.post("/api/v1/operator/bundles", JAR, bytes(jar(name, version, modelId)),
                Map.of());
        await().atMost(Duration.ofSeconds(15)).until(() -> version.equals(version(api, name)));
        return response;
    }

    private Path jar(String name, String version, String modelId) throws IOException {
        return TestJars.bundle(scratch.resolve(name + "-" + version + ".jar"), Map.of(
                "Bundle-SymbolicName", name,
                "Bundle-Version", version,
                "Bundle-Activator", TestModelsActivator.class.getName(),
                "Import-Package", "dev.atelier.spi.model;version=\"[1.0,2)\",org.osgi.framework",
                "Test-Models", modelId), TestModelsActivator.class, TestModel.class);
    }

    private static String version(Browser api, String name) throws Exception {
        HttpResponse<String> status = api.get("/api/v1/operator/bundles/" + name);
        return status.statusCode() == 200 ? json(status).get("version").asText() : null;
    }

    private static byte[] bytes(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
