package dev.atelier.launcher.bots;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.TestPlatformBuilder;
import dev.atelier.plugins.PluginKinds;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bot challenges on a tenant that binds the shipped {@code turnstile} plugin, with Cloudflare's siteverify played by
 * WireMock: sign-up needs a pass, sign-in after three failures does, checkout does; the pages embed the widget and
 * let only its origin through their policy; a missing or refused token is a form error (422, or problem+json in the
 * API), an unreachable siteverify refuses sign-up for now (503) and lets checkout go on. A tenant without bot
 * protection sees none of it.
 */
class BotChallengeTest {

    static final String GUARDED = "guarded";
    static final String OPEN = "open";
    static final String SITEVERIFY = "/turnstile/v0/siteverify";
    static final String FIELD = "cf-turnstile-response";
    static final String PASSWORD = "velvet lantern orbit 91";
    static final AtomicInteger ADDRESSES = new AtomicInteger();

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles().wireMock()
            .set("atelier.http.trust-forwarded-headers", "true")
            .tenant(GUARDED, tenant(GUARDED) + """
                    bot_protection:
                      plugin: turnstile
                      config: {site_key: "1x00000000000000000000AA", secret_key: "1x0000000000000000000000000000000AA",
                               siteverify_url: "%1$s/turnstile/v0/siteverify", script_url: "%1$s/turnstile/v0/api.js",
                               timeout: 2s}
                    """.formatted(TestPlatformBuilder.WIREMOCK_URL))
            .tenant(OPEN, tenant(OPEN))
            .build();

    private static String tenant(String slug) {
        return """
                slug: %1$s
                name: %1$s studio
                support_email: help@%1$s.example
                payment: {plugin: sandbox, config: {}}
                plans:
                  - {id: topup-200, name: "200 credits", price: {amount: 700, currency: USD}, credits: 200}
                """.formatted(slug);
    }

    @BeforeAll
    static void pluginsDeployed() {
        await().atMost(Duration.ofSeconds(30)).until(() -> platform.atelier().plugins()
                .plugins(PluginKinds.BOT_PROTECTION).find("turnstile").isPresent()
                && platform.atelier().plugins().plugins(PluginKinds.PAYMENTS).find("sandbox").isPresent());
    }

    @BeforeEach
    void freshSiteverify() {
        platform.wireMock().resetAll();
    }

    @Test
    void theSignUpPageEmbedsTheWidgetAndItsPolicyLetsOnlyTheWidgetsOriginIn() throws Exception {
        HttpResponse<String> guarded = visitor(GUARDED).get("/signup");
        HttpResponse<String> open = visitor(OPEN).get("/signup");

        String origin = platform.wireMock().baseUrl();
        assertThat(guarded.body()).contains("<script src=\"" + origin + "/turnstile/v0/api.js\" async defer>",
                "class=\"cf-turnstile\" data-sitekey=\"1x00000000000000000000AA\" data-action=\"signup\"");
        assertThat(policy(guarded)).contains("script-src 'self' " + origin + ";", "frame-src 'self' " + origin,
                "connect-src 'self' " + origin);
        assertThat(open.body()).doesNotContain("cf-turnstile", "api.js");
        assertThat(policy(open)).contains("script-src 'self';").doesNotContain(origin, "frame-src");
    }

    @Test
    void aGenuineTokenSignsUpAndSiteverifyHearsTheSecretAndTheAddress() throws Exception {
        String token = passes(GUARDED, "signup");
        Browser visitor = platform.browser(GUARDED).from("203.0.113.9");

        HttpResponse<String> response = signUp(visitor, "ada@example.com", token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        platform.wireMock().verify(postRequestedFor(urlEqualTo(SITEVERIFY))
                .withRequestBody(containing("secret=1x0000000000000000000000000000000AA"))
                .withRequestBody(containing("response=" + token)).withRequestBody(containing("remoteip=203.0.113.9")));
    }

    @Test
    void aMissingForgedReusedOrMisdirectedTokenIsAFormErrorAndMakesNoAccount() throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("", "Please complete the check that you&#39;re a person");
        tokens.put(refused("invalid-input-response"), "didn&#39;t go through");
        tokens.put(refused("timeout-or-duplicate"), "didn&#39;t go through");
        tokens.put(passes(GUARDED, "checkout"), "didn&#39;t go through");
        tokens.put(passesOn("elsewhere.example", "signup"), "didn&#39;t go through");
        int i = 0;
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            String email = "bot" + i++ + "@example.com";

            HttpResponse<String> response = signUp(visitor(GUARDED), email, token.getKey());

            assertThat(response.statusCode()).as("token %s", token.getKey()).isEqualTo(422);
            assertThat(response.body()).as("token %s", token.getKey()).contains(token.getValue())
                    .contains("class=\"cf-turnstile\"");
            assertThat(platform.accounts().byEmail(GUARDED, email)).as("account of %s", email).isEmpty();
        }
    }

    @Test
    void aSiteverifyThatFailsRefusesSignUpForNowWithAClearMessage() throws Exception {
        platform.wireMock().stubFor(post(SITEVERIFY).willReturn(aResponse().withStatus(502)));

        HttpResponse<String> response = signUp(visitor(GUARDED), "grace@example.com", "any-token");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("We couldn&#39;t check that you&#39;re a person just now. Please try"
                + " again in a minute.");
        assertThat(platform.accounts().byEmail(GUARDED, "grace@example.com")).isEmpty();
    }

    @Test
    void signInAsksForTheChallengeAfterThreeFailuresForTheAccount() throws Exception {
        signUp(visitor(GUARDED), "linus@example.com", passes(GUARDED, "signup"));
        Browser visitor = visitor(GUARDED);
        assertThat(visitor.get("/signin").body()).doesNotContain("cf-turnstile");
        HttpResponse<String> failed = null;
        for (int i = 0; i < 3; i++) {
            failed = visitor.signIn("linus@example.com", "wrong guess " + i);
            assertThat(failed.statusCode()).isEqualTo(401);
        }
        assertThat(failed.body()).as("the page after the third failure").contains("data-action=\"signin\"");

        HttpResponse<String> withoutToken = visitor.signIn("linus@example.com", PASSWORD);
        HttpResponse<String> withToken = visitor.submit("/signin", "/signin", Map.of("email", "linus@example.com",
                "password", PASSWORD, FIELD, passes(GUARDED, "signin")));

        assertThat(withoutToken.statusCode()).isEqualTo(422);
        assertThat(withoutToken.body()).contains("Please complete the check that you&#39;re a person");
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(303);
    }

    @Test
    void theJsonSignInAnswersProblemJsonNamingBotTokenAfterThreeFailures() throws Exception {
        signUp(visitor(GUARDED), "margaret@example.com", passes(GUARDED, "signup"));
        Browser script = visitor(GUARDED);
        String wrong = "{\"email\":\"margaret@example.com\",\"password\":\"wrong\"}";
        for (int i = 0; i < 3; i++) {
            assertThat(script.postJson("/api/v1/auth/signin", wrong, Map.of()).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = script.postJson("/api/v1/auth/signin",
                "{\"email\":\"margaret@example.com\",\"password\":\"" + PASSWORD + "\"}", Map.of());
        HttpResponse<String> passed = script.postJson("/api/v1/auth/signin",
                "{\"email\":\"margaret@example.com\",\"password\":\"" + PASSWORD + "\",\"bot_token\":\""
                        + passes(GUARDED, "signin") + "\"}", Map.of());

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Browser.json(refused).get("errors").get(0).get("field").asText()).isEqualTo("bot_token");
        assertThat(passed.statusCode()).as(passed.body()).isEqualTo(200);
    }

    @Test
    void checkoutNeedsAPassAndGoesOnWhenSiteverifyIsDown() throws Exception {
        Browser buyer = visitor(GUARDED);
        signUp(buyer, "barbara@example.com", passes(GUARDED, "signup"));
        HttpResponse<String> confirm = buyer.get("/billing/checkout?offer=topup-200");
        assertThat(confirm.body()).contains("data-action=\"checkout\"");

        HttpResponse<String> withoutToken = buyer.post("/billing/checkout", Map.of("offer", "topup-200",
                "csrf", Browser.csrfOf(confirm)));
        HttpResponse<String> withToken = buyer.post("/billing/checkout", Map.of("offer", "topup-200",
                "csrf", Browser.csrfOf(confirm), FIELD, passes(GUARDED, "checkout")));
        platform.wireMock().stubFor(post(SITEVERIFY).willReturn(aResponse().withStatus(502)));
        HttpResponse<String> siteverifyDown = buyer.post("/billing/checkout", Map.of("offer", "topup-200",
                "csrf", Browser.csrfOf(confirm), FIELD, "any-token"));

        assertThat(withoutToken.statusCode()).isEqualTo(422);
        assertThat(withoutToken.body()).contains("Please complete the check that you&#39;re a person", "200 credits");
        assertThat(withToken.statusCode()).isEqualTo(303);
        assertThat(siteverifyDown.statusCode()).as("checkout goes on while siteverify is down").isEqualTo(303);
    }

    @Test
    void theCheckoutApiWantsABotTokenFromASessionButNotFromAPersonalApiToken() throws Exception {
        Browser buyer = visitor(GUARDED);
        signUp(buyer, "edsger@example.com", passes(GUARDED, "signup"));
        platform.accounts().confirmEmail(GUARDED, buyer);

        HttpResponse<String> refused = buyer.postJson("/api/v1/billing/checkouts", "{\"offer\":\"topup-200\"}");
        HttpResponse<String> passed = buyer.postJson("/api/v1/billing/checkouts",
                "{\"offer\":\"topup-200\",\"bot_token\":\"" + passes(GUARDED, "checkout") + "\"}");
        HttpResponse<String> made = buyer.createApiToken("script");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode apiToken = Browser.json(made);
        HttpResponse<String> script = visitor(GUARDED).postJson("/api/v1/billing/checkouts",
                "{\"offer\":\"topup-200\"}", Map.of("Authorization", "Bearer " + apiToken.get("token").asText()));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Browser.json(refused).get("errors").get(0).get("field").asText()).isEqualTo("bot_token");
        assertThat(passed.statusCode()).as(passed.body()).isEqualTo(201);
        assertThat(script.statusCode()).as(script.body()).isEqualTo(201);
    }

    @Test
    void aTenantWithoutBotProtectionNeverChallenges() throws Exception {
        Browser visitor = visitor(OPEN);
        assertThat(signUp(visitor, "alan@example.com", null).statusCode()).isEqualTo(303);
        visitor.forgetCookies();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> failed = visitor.signIn("alan@example.com", "wrong guess " + i);
            assertThat(failed.body()).doesNotContain("cf-turnstile");
        }
        assertThat(visitor.signIn("alan@example.com", PASSWORD).statusCode()).isEqualTo(303);
        HttpResponse<String> confirm = visitor.get("/billing/checkout?offer=topup-200");
        assertThat(confirm.body()).doesNotContain("cf-turnstile");
        assertThat(visitor.post("/billing/checkout", Map.of("offer", "topup-200", "csrf", Browser.csrfOf(confirm)))
                .statusCode()).isEqualTo(303);
        assertThat(platform.wireMock().getAllServeEvents()).as("siteverify was never asked").isEmpty();
    }

    // Each visitor comes from an address of its own: sign-ups per address are rate limited.
    private static Browser visitor(String slug) {
        return platform.browser(slug).from("198.51.100." + ADDRESSES.incrementAndGet());
    }

    private static HttpResponse<String> signUp(Browser browser, String email, String token) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("displayName", "", "email", email, "password",
                PASSWORD, "terms", "yes"));
        if (token != null) {
            fields.put(FIELD, token);
        }
        return browser.submit("/signup", "/signup", fields);
    }

    /** A token siteverify passes for {@code action} on the tenant's host. */
    private static String passes(String slug, String action) {
        return passesOn(TestPlatform.hostOf(slug), action);
    }

    private static String passesOn(String hostname, String action) {
        return answered("""
                {"success": true, "challenge_ts": "2026-12-07T01:59:00.000Z", "hostname": "%s", "error-codes": [],
                 "action": "%s", "cdata": ""}""".formatted(hostname, action));
    }

    private static String refused(String errorCode) {
        return answered("{\"success\": false, \"error-codes\": [\"" + errorCode + "\"]}");
    }

    private static String answered(String json) {
        String token = "tok-" + UUID.randomUUID();
        platform.wireMock().stubFor(post(SITEVERIFY).withRequestBody(containing("response=" + token))
                .willReturn(okJson(json)));
        return token;
    }

    private static String policy(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Security-Policy").orElseThrow();
    }
}
