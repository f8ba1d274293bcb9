package dev.atelier.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An external PostgreSQL that goes away (its connections dropped, new ones refused) while the platform runs: requests
 * that need it are answered "temporarily unavailable" rather than left hanging, {@code /readyz} turns unready, and
 * {@code /healthz} reports a database that stays away; when it is back, everything works again without a restart.
 */
class DatabaseOutageTest {

    private static final String SLUG = "north";
    private static final Pattern HOST_PORT = Pattern.compile("//([^/:]+):(\\d+)/");

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder()
            .defaultBundles()
            .testModels("test-outage-models", "test-slow")
            .studio(SLUG, "{id: procedural, credits: 1}, {id: test-slow, credits: 2}", "")
            .set("atelier.db.liveness-grace", "2s")
            .build();

    private static CuttableProxy proxy;

    @BeforeAll
    static void reachTheDatabaseThroughAProxy() throws Exception {
        String url = setting("atelier.db.url");
        Matcher hostPort = HOST_PORT.matcher(url);
        assertThat(hostPort.find()).as("host and port in %s", url).isTrue();
        proxy = CuttableProxy.to(hostPort.group(1), Integer.parseInt(hostPort.group(2)));
        platform.restart(Map.of("atelier.db.url",
                hostPort.replaceFirst("//127.0.0.1:" + proxy.port() + "/")), List.of("procedural", "test-slow"));
    }

    @AfterAll
    static void closeProxy() throws Exception {
        // The platform stops while its database is still reachable, as it would in production.
        platform.stop();
        proxy.close();
    }

    @Test
    void requestsAreAnsweredUnavailableWhileTheDatabaseIsGoneAndWorkAgainWhenItIsBack() throws Exception {
        User user = platform.user(SLUG, 10);
        assertThat(user.json("/api/v1/credits").get("balance").asLong()).isEqualTo(10);

        proxy.cut();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> status("/readyz") == 503);

            HttpResponse<String> api = User.send(user.script("/api/v1/credits").GET());
            assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(api.headers().firstValue("Retry-After")).isPresent();
            assertThat(User.parse(api).get("title").asText()).isEqualTo("Temporarily unavailable");

            HttpResponse<String> page = user.get("/account");
            assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
            assertThat(page.body()).contains("temporarily unavailable").doesNotContain("\"status\"");

            // Past the grace the node asks to be restarted.
            await().atMost(Duration.ofSeconds(30)).until(() -> status("/healthz") == 503);
        } finally {
            proxy.mend();
        }

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> status("/readyz") == 200
                && status("/healthz") == 200);
        assertThat(user.json("/api/v1/credits").get("balance").asLong()).isEqualTo(10);
        assertThat(user.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void aJobWhoseModelFinishesWhileTheDatabaseIsGoneIsSettledOnceWhenItIsBack() throws Exception {
        User user = platform.user(SLUG, 10);
        HttpResponse<String> submitted = user.submit("{\"model\":\"test-slow\",\"prompt\":\"through the outage\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = User.parse(submitted).get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> jobStatus(user, id).equals("RUNNING"));

        proxy.cut();
        try {
            // The model answers after three seconds, while the database is still away.
            Thread.sleep(Duration.ofSeconds(5).toMillis());
        } finally {
            proxy.mend();
        }

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> jobStatus(user, id).equals("SUCCEEDED"));
        assertThat(platform.atelier().generation().jobs().findById(id).orElseThrow().attempts()).isEqualTo(1);
        assertThat(platform.ledgerKinds(user, id)).containsExactly(LedgerEntry.Kind.HOLD, LedgerEntry.Kind.CAPTURE);
        assertThat(platform.balance(user)).isEqualTo(8);
    }

    private static String jobStatus(User user, String id) throws Exception {
        return user.json("/api/v1/generations/" + id).get("status").asText();
    }

    private static int status(String path) throws Exception {
        return platform.get("127.0.0.1", path).statusCode();
    }

    private static String setting(String key) {
        List<String> options = platform.commandOptions();
        return options.stream().filter(option -> option.startsWith(key + "=")).findFirst()
                .map(option -> option.substring(key.length() + 1))
                .orElseThrow(() -> new IllegalStateException(key + " is not set"));
    }
}
