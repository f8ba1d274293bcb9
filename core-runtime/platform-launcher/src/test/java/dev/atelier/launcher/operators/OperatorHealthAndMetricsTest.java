package dev.atelier.launcher.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import dev.atelier.launcher.ChromiumExtension;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import dev.atelier.web.auth.Cookies;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's health page and the operator host's Prometheus {@code /metrics}, on the demo platform; and
 * screenshots of every console page, and of a suspended tenant's site in both demo themes, under
 * {@code target/screenshots/operator-*.png} and {@code <slug>-suspended.png}.
 */
class OperatorHealthAndMetricsTest {

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().build();
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @Test
    void theHealthPageShowsTheChecksQueueOutboxAndTheLatestFailureWithItsError() throws Exception {
        failedJob("auratuner", "job_health_failed", "The model refused this prompt. Your credits were not used.");

        HttpResponse<String> page = console().get("/operator/health");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(page.body()).contains("<h1>Health</h1>", "aria-current=\"page\"", "database", "plugin",
                "worker threads run generations on this node", "Queue by model", "Mail outbox", "Waiting to be sent",
                "Recent failures", "job_health_failed", "The model refused this prompt", "<code>auratuner</code>");
        assertThat(platform.browserOnHost(TestPlatform.OPERATOR_HOST).get("/operator/health").statusCode())
                .as("signed out").isEqualTo(303);
        assertThat(platform.get(TestPlatform.hostOf("auratuner"), "/operator/health").statusCode()).isEqualTo(404);
    }

    @Test
    void metricsNeedTheOperatorTokenAndAreServedOnTheOperatorHostOnly() throws Exception {
        String token = platform.accounts().operatorToken();
        HttpResponse<String> anonymous = platform.get(TestPlatform.OPERATOR_HOST, "/metrics");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow()).isEqualTo("Bearer");
        assertThat(platform.browserOnHost(TestPlatform.OPERATOR_HOST).always("Authorization", "Bearer atlop_nope")
                .get("/metrics").statusCode()).isEqualTo(401);
        assertThat(platform.get(TestPlatform.hostOf("auratuner"), "/metrics").statusCode()).isEqualTo(404);
        HttpResponse<String> onTenantHost = platform.browserOnHost(TestPlatform.hostOf("auratuner"))
                .always("Authorization", "Bearer " + token).get("/metrics");
        assertThat(onTenantHost.statusCode()).as("an operator token is no API token of a tenant").isEqualTo(401);
        assertThat(onTenantHost.body()).doesNotContain("atelier_");
        assertThat(platform.browserOnHost("127.0.0.1").always("Authorization", "Bearer " + token)
                .get("/metrics").statusCode()).isEqualTo(404);
        assertThat(console().get("/metrics").statusCode()).as("the console's cookie")
                .isEqualTo(200);
    }

    @Test
    void metricsNameJobsQueueOutboxHttpAndPluginCallsAfterAJob() throws Exception {
        User user = platform.user("auratuner", 10);
        HttpResponse<String> submitted = user.submit("{\"model\":\"procedural\",\"prompt\":\"a lighthouse at dusk\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> scrape().lines()
                .anyMatch(line -> line.startsWith("atelier_jobs_total{") && line.contains("tenant=\"auratuner\"")
                        && line.contains("model=\"procedural\"") && line.contains("outcome=\"succeeded\"")));
        String metrics = scrape();

        assertThat(metrics).contains("# TYPE atelier_jobs_total counter", "atelier_jobs_queued{model=\"procedural\"}",
                "atelier_jobs_running{model=\"procedural\"}", "atelier_outbox_pending{outbox=\"mail\"}",
                "atelier_http_requests_seconds_count{kind=\"api\",status=\"2xx\"}",
                "atelier_http_requests_seconds_sum{kind=\"api\",status=\"2xx\"}");
        assertThat(metrics.lines().filter(line -> line.startsWith("atelier_plugin_calls_total{")
                && line.contains("kind=\"GenerationModel\"") && line.contains("outcome=\"ok\""))).isNotEmpty();
        assertThat(metrics.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .filter(line -> !line.startsWith("atelier_") && !line.startsWith("jvm_") && !line.startsWith("process_")
                        && !line.startsWith("system_"))).as("every platform figure is named atelier_").isEmpty();
    }

    @Test
    void screenshotsOfEveryConsolePage() throws Exception {
        failedJob("marginalia", "job_shot_failed", "The model took too long. Your credits were not used.");
        try (BrowserContext context = chromium.browser().newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            shot(page, "/operator/signin", "operator-signin");
            context.addCookies(List.of(new Cookie(Cookies.OPERATOR, platform.accounts().operatorToken())
                    .setUrl(origin())));
            shot(page, "/", "operator-overview");
            shot(page, "/operator/tenants", "operator-tenants");
            page.fill("#slug", "shotco");
            page.fill("#name", "Shot Co");
            page.fill("#support_email", "help@shotco.example");
            page.fill("#host", "not a host name!");
            page.click("text=Create tenant");
            page.waitForSelector("#create-problems");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(ChromiumExtension.SHOTS.resolve("operator-tenants-refused.png")));
            page.fill("#host", "shotco.example");
            page.click("text=Create tenant");
            page.waitForSelector(".op-notice");
            assertThat(page.textContent(".op-notice")).contains("Created shotco.");
            page.click("form[action='/operator/tenants/shotco/suspend'] button");
            page.waitForSelector("form[action='/operator/tenants/shotco/resume']");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(ChromiumExtension.SHOTS.resolve("operator-tenants-suspended.png")));
            shot(page, "/operator/health", "operator-health");
        }
    }

    @Test
    void screenshotsOfASuspendedSiteInBothDemoThemes() throws Exception {
        for (String slug : List.of("auratuner", "marginalia")) {
            platform.operator().post("/api/v1/operator/tenants/" + slug + "/suspend", "application/json", new byte[0],
                    Map.of());
            try (BrowserContext context = chromium.browser().newContext(
                    new Browser.NewContextOptions().setViewportSize(1280, 800))) {
                Page page = context.newPage();
                com.microsoft.playwright.Response response = page.navigate("http://" + TestPlatform.hostOf(slug) + ":"
                        + platform.port() + "/pricing");
                assertThat(response.status()).isEqualTo(503);
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(ChromiumExtension.SHOTS.resolve(slug + "-suspended.png")));
                assertThat(page.content()).contains("temporarily unavailable");
            } finally {
                platform.operator().post("/api/v1/operator/tenants/" + slug + "/resume", "application/json", new byte[0],
                        Map.of());
            }
        }
        assertThat(platform.get(TestPlatform.hostOf("auratuner"), "/").statusCode()).isEqualTo(200);
    }

    private static dev.atelier.launcher.platform.Browser console() {
        return platform.browserOnHost(TestPlatform.OPERATOR_HOST)
                .setCookie(Cookies.OPERATOR, platform.accounts().operatorToken());
    }

    private static void shot(Page page, String path, String name) {
        page.navigate(origin() + path);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(ChromiumExtension.SHOTS.resolve(name + ".png")));
    }

    private static String scrape() throws Exception {
        HttpResponse<String> metrics = platform.browserOnHost(TestPlatform.OPERATOR_HOST)
                .always("Authorization", "Bearer " + platform.accounts().operatorToken()).get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        return metrics.body();
    }

    private static String origin() {
        return "http://" + TestPlatform.OPERATOR_HOST + ":" + platform.port();
    }

    // A job that failed earlier, as a worker leaves it: the health page lists it with its error.
    private static void failedJob(String slug, String id, String error) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = platform.atelier().database().dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO generation_job (id, tenant_id, account_id, model_id, prompt, parameters, input_ids,
                                                    status, error, price, attempts, max_attempts, created_at,
                                                    queued_at, started_at, finished_at)
                        VALUES (?, ?, 'acc_health', 'procedural', 'a storm', '{}', '[]', 'FAILED', ?, 1, 2, 2,
                                ?, ?, ?, ?)""")) {
            insert.setString(1, id);
            insert.setString(2, platform.tenantId(slug));
            insert.setString(3, error);
            for (int i = 4; i <= 7; i++) {
                insert.setObject(i, now);
            }
            insert.executeUpdate();
        }
    }
}
