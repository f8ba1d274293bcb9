package dev.atelier.bot.turnstile.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.atelier.spi.testkit.TestTenantContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Cloudflare's siteverify as WireMock plays it, answering each token with the JSON Cloudflare documents for it.
 * Answers are matched on the token in the form, so one server answers every kind of token at once.
 */
final class FakeSiteverify {

    static final String PATH = "/turnstile/v0/siteverify";
    static final String SITE_KEY = "1x00000000000000000000AA";
    static final String SECRET = "1x0000000000000000000000000000000AA";

    private final WireMockExtension server;

    FakeSiteverify(WireMockExtension server) {
        this.server = server;
    }

    /** A tenant whose settings point at this fake, waiting at most {@code timeout} for it. */
    TestTenantContext tenant(String timeout) {
        Map<String, String> config = new HashMap<>(Map.of("site_key", SITE_KEY, "secret_key", SECRET,
                "siteverify_url", server.baseUrl() + PATH, "timeout", timeout));
        return TestTenantContext.withConfig(config);
    }

    /** {@code token} passes, issued for {@code action} on {@code hostname}. */
    void passes(String token, String hostname, String action) {
        answer(token, """
                {"success": true, "challenge_ts": "2026-12-07T01:59:00.000Z", "hostname": "%s", "error-codes": [],
                 "action": "%s", "cdata": ""}""".formatted(hostname, action));
    }

    /** {@code token} is refused with {@code errorCode}, as a forged ({@code invalid-input-response}) or spent one. */
    void refuses(String token, String errorCode) {
        answer(token, """
                {"success": false, "error-codes": ["%s"]}""".formatted(errorCode));
    }

    /** {@code token} is answered only after {@code millis}. */
    void answersLate(String token, int millis) {
        server.stubFor(post(PATH).withRequestBody(containing("response=" + token))
                .willReturn(okJson("{\"success\": true, \"error-codes\": []}").withFixedDelay(millis)));
    }

    /** {@code token} gets an HTTP error of siteverify's own. */
    void fails(String token, int status) {
        server.stubFor(post(PATH).withRequestBody(containing("response=" + token))
                .willReturn(aResponse().withStatus(status).withBody("upstream error")));
    }

    private void answer(String token, String json) {
        server.stubFor(post(PATH).withRequestBody(containing("response=" + token)).willReturn(okJson(json)));
    }
}
