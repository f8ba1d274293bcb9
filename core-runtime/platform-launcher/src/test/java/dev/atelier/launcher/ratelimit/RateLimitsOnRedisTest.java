package dev.atelier.launcher.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import dev.atelier.plugins.PluginKinds;
import dev.atelier.redis.RedisRateLimiter;
import dev.atelier.testkit.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node with {@code atelier.redis.url} counts its rate limits in Redis: generation submits (API and create form) and
 * checkouts (API and page) beyond their limits get 429 with {@code Retry-After}, the tenant's own limits apply over the
 * platform's, and while Redis is down sign-in, sign-up and password reset fail closed (503, nothing done) and
 * generations fail open, until Redis is back.
 */
class RateLimitsOnRedisTest {

    private static final String SLUG = "quotastudio";
    private static final String SUBMIT = """
            {"model": "procedural", "prompt": "a paper boat", "parameters": {"width": 128, "height": 128}}""";
    private static final TestRedis REDIS = TestRedis.start();

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles()
            .studio(SLUG, "{id: procedural, credits: 1}", """
                    payment: {plugin: sandbox, config: {}}
                    plans:
                      - {id: topup-100, name: "100 credits", price: {amount: 500, currency: USD}, credits: 100}
                    credits: {max_concurrent_jobs_per_user: 20}
                    rate_limits: {generation-submit: 3/1h}
                    """)
            .set("atelier.redis.url", REDIS.url())
            .set("atelier.rate-limits", "checkout=2/1h")
            .build();

    @BeforeAll
    static void sandboxDeployed() {
        await().atMost(Duration.ofSeconds(20)).until(() -> platform.atelier().plugins().plugins(PluginKinds.PAYMENTS)
                .find("sandbox").isPresent());
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Test
    void theNodeCountsInRedisUnderPrefixedKeysThatNameNoPerson() throws Exception {
        User user = platform.user(SLUG, 10);
        assertThat(user.submit(SUBMIT).statusCode()).isEqualTo(202);

        assertThat(platform.atelier().rateLimiter()).isInstanceOf(RedisRateLimiter.class);
        RedisClient client = RedisClient.create(REDIS.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(connection.sync().keys(RedisRateLimiter.KEY_PREFIX + "generation-submit:"
                    + user.tenantId() + ":3/1h:*")).hasSize(1);
            assertThat(connection.sync().keys("*" + user.accountId() + "*")).isEmpty();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void submitsBeyondTheTenantsLimitAre429ProblemsWithRetryAfter() throws Exception {
        User user = platform.user(SLUG, 10);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> accepted = user.submit(SUBMIT);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        }

        HttpResponse<String> refused = user.submit(SUBMIT);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(User.parse(refused).get("detail").asText()).contains("faster than this site allows");
        assertThat(platform.balance(user)).as("a refused submit holds no credits").isEqualTo(7);
        assertThat(platform.user(SLUG, 10).submit(SUBMIT).statusCode()).as("another user is not slowed down")
                .isEqualTo(202);
    }

    @Test
    void theCreateFormBeyondTheLimitSaysSoOnTheThemedPageWithRetryAfter() throws Exception {
        User user = platform.user(SLUG, 10);
        for (int i = 0; i < 3; i++) {
            assertThat(user.submit(SUBMIT).statusCode()).isEqualTo(202);
        }

        HttpResponse<String> refused = user.postForm("/create", new User.Multipart().fields(Map.of(
                "csrf", user.csrf(), "model", "procedural", "prompt", "a paper boat")));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("faster than this site allows").contains("a paper boat");
    }

    @Test
    void checkoutsBeyondThePlatformLimitAre429OnThePageAndInTheApi() throws Exception {
        Browser buyer = platform.browser(SLUG).signedIn(platform.accounts().signedInUser(SLUG));
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> started = buyer.postJson("/api/v1/billing/checkouts", "{\"offer\": \"topup-100\"}",
                    buyer.csrfHeader());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        }

        HttpResponse<String> api = buyer.postJson("/api/v1/billing/checkouts", "{\"offer\": \"topup-100\"}",
                buyer.csrfHeader());
        HttpResponse<String> page = buyer.post("/billing/checkout", Map.of("offer", "topup-100",
                "csrf", buyer.csrfOf("/billing/checkout?offer=topup-100")));

        assertThat(api.statusCode()).isEqualTo(429);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("Too many attempts").contains(SLUG + " studio");
    }

    @Test
    void whileRedisIsDownAccountActionsFailClosedAndGenerationsFailOpenThenCountingResumes() throws Exception {
        User maker = platform.user(SLUG, 10);
        Browser visitor = platform.browser(SLUG);
        String signUpCsrf = visitor.csrfOf("/signup");
        String resetCsrf = visitor.csrfOf("/reset");
        REDIS.stop();
        try {
            HttpResponse<String> signUp = visitor.postForm("/signup", Map.of("csrf", signUpCsrf,
                    "displayName", "Newcomer", "email", "newcomer@example.com",
                    "password", "a long passphrase of theirs 42", "terms", "yes"));
            HttpResponse<String> reset = visitor.postForm("/reset", Map.of("csrf", resetCsrf,
                    "email", "someone@example.com"));
            assertThat(signUp.statusCode()).as("sign-up fails closed").isEqualTo(503);
            assertThat(signUp.body()).contains("temporarily unavailable");
            assertThat(platform.accounts().byEmail(SLUG, "newcomer@example.com")).as("nothing was created").isEmpty();
            assertThat(reset.statusCode()).as("password reset fails closed").isEqualTo(503);

            HttpResponse<String> signInPage = visitor.signIn("someone@example.com", "a password of theirs");
            HttpResponse<String> signInApi = visitor.postJson("/api/v1/auth/signin",
                    "{\"email\":\"someone@example.com\",\"password\":\"a password of theirs\"}", Map.of());
            HttpResponse<String> submitted = maker.submit(SUBMIT);

            assertThat(signInPage.statusCode()).isEqualTo(503);
            assertThat(signInPage.headers().firstValue("Retry-After")).isPresent();
            assertThat(signInPage.body()).contains("temporarily unavailable").contains(SLUG + " studio");
            assertThat(signInApi.statusCode()).isEqualTo(503);
            assertThat(signInApi.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(submitted.statusCode()).as("generations fail open").isEqualTo(202);
            JsonNode status = Browser.json(platform.operator().get("/api/v1/operator/rate-limits"));
            assertThat(status.get("reachable").asBoolean()).isFalse();
            assertThat(status.get("failed_closed").asLong()).isPositive();
            assertThat(status.get("failed_open").asLong()).isPositive();
            assertThat(status.get("backend").asText()).isEqualTo(REDIS.url());
        } finally {
            REDIS.startAgain();
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> visitor.signIn("someone@example.com", "a password of theirs").statusCode() != 503);
        assertThat(Browser.json(platform.operator().get("/api/v1/operator/rate-limits")).get("reachable")
                .asBoolean()).isTrue();
    }
}
