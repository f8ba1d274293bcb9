package dev.atelier.model.replicate.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.atelier.spi.testkit.TestTenantContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Replicate predictions API as WireMock replays it, with payloads shaped like the documented ones (create answers
 * 201 with {@code status: starting} and {@code urls.get}/{@code urls.cancel}; polls walk through {@code processing}
 * with tqdm progress bars in {@code logs} to {@code succeeded} with output URLs on a delivery host).
 *
 * <p>The API is addressed as {@code localhost} and the delivery host as {@code 127.0.0.1}: the same server, but a
 * different host to the model, so tests see whether the token goes where it must not.
 */
final class ReplicateApiStubs {

    static final String TOKEN = "r8_TestTokenThatMustNeverLeak0123456789";
    static final String VERSION = "5599ed30703defd1d160a25a63321b4dec97101d98b4674bcc56e41f62f35637";
    static final String PREDICTION = "gm3qorzdhgbfurvjtvhg6dckhu";
    static final String SCENARIO = "prediction " + PREDICTION;
    /** The account's webhook signing secret, as {@code GET /v1/webhooks/default/secret} answers it. */
    static final String WEBHOOK_SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "replicate-account-signing-key-32".getBytes(StandardCharsets.US_ASCII));
    static final String WEBHOOK_PATH = "/v1/webhooks/default/secret";

    private final WireMockExtension server;

    ReplicateApiStubs(WireMockExtension server) {
        this.server = server;
    }

    String apiBase() {
        return "http://localhost:" + server.getPort();
    }

    String deliveryBase() {
        return "http://127.0.0.1:" + server.getPort();
    }

    TestTenantContext tenant() {
        return tenant(Map.of());
    }

    TestTenantContext tenant(Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of(
                "base_url", apiBase(), "api_token", TOKEN, "version", VERSION));
        config.putAll(extra);
        return TestTenantContext.withConfig(config);
    }

    String predictionPath() {
        return "/v1/predictions/" + PREDICTION;
    }

    String cancelPath() {
        return predictionPath() + "/cancel";
    }

    /** A prediction as the API shows it; {@code output} and {@code error} are raw JSON or {@code null}. */
    String prediction(String status, String logs, String output, String error) {
        return "{\"id\":\"" + PREDICTION + "\",\"model\":\"acme/painter\",\"version\":\"" + VERSION + "\","
                + "\"input\":{\"prompt\":\"a lighthouse\"},\"logs\":" + quote(logs) + ","
                + "\"output\":" + (output == null ? "null" : output) + ","
                + "\"error\":" + quote(error) + ",\"status\":\"" + status + "\","
                + "\"created_at\":\"2026-11-25T10:00:00.000Z\",\"data_removed\":false,"
                + "\"urls\":{\"get\":\"" + apiBase() + predictionPath() + "\","
                + "\"cancel\":\"" + apiBase() + cancelPath() + "\","
                + "\"stream\":\"" + deliveryBase() + "/stream/" + PREDICTION + "\"}}";
    }

    String outputUrls(String... names) {
        return List.of(names).stream().map(n -> "\"" + deliveryBase() + "/delivery/" + n + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** Create answers 201 starting; the cancel endpoint answers canceled. */
    void createStartsPrediction() {
        server.stubFor(post(urlPathEqualTo("/v1/predictions"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(prediction("starting", "", null, null))));
        server.stubFor(post(urlPathEqualTo(cancelPath()))
                .willReturn(okJson(prediction("canceled", "", null, null))));
    }

    /** Polls walk starting → processing 10 % → processing 50 % → {@code finalBody} (which then stays). */
    void pollsWalkTo(String finalBody) {
        // WireMock moves a scenario to its next state apart from matching, so concurrent polls (the contract's
        // concurrent calls) can find it between two states and would get 404; such a poll sees the prediction still
        // processing and polls again, as it would at Replicate.
        server.stubFor(get(urlPathEqualTo(predictionPath())).atPriority(10)
                .willReturn(okJson(prediction("processing", "", null, null))));
        server.stubFor(get(urlPathEqualTo(predictionPath())).inScenario(SCENARIO)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(prediction("starting", "", null, null)))
                .willSetStateTo("booted"));
        server.stubFor(get(urlPathEqualTo(predictionPath())).inScenario(SCENARIO)
                .whenScenarioStateIs("booted")
                .willReturn(okJson(prediction("processing", "Using seed: 42\n 10%|█         | 2/20 [00:00<00:03,"
                        + "  5.01it/s]", null, null)))
                .willSetStateTo("half"));
        server.stubFor(get(urlPathEqualTo(predictionPath())).inScenario(SCENARIO)
                .whenScenarioStateIs("half")
                .willReturn(okJson(prediction("processing", "Using seed: 42\n 10%|█         | 2/20 [00:00<00:03,"
                        + "  5.01it/s]\n 50%|█████     | 10/20 [00:02<00:02,  5.01it/s]", null, null)))
                .willSetStateTo("done"));
        server.stubFor(get(urlPathEqualTo(predictionPath())).inScenario(SCENARIO)
                .whenScenarioStateIs("done")
                .willReturn(okJson(finalBody)));
    }

    void pollsStayProcessing() {
        server.stubFor(get(urlPathEqualTo(predictionPath()))
                .willReturn(okJson(prediction("processing", " 30%|███       | 6/20", null, null))));
    }

    /** The account's default webhook secret endpoint answers {@code {"key": secret}}. */
    void webhookSecretIs(String secret) {
        server.stubFor(get(urlPathEqualTo(WEBHOOK_PATH)).willReturn(okJson("{\"key\":\"" + secret + "\"}")));
    }

    /**
     * Headers of a webhook message as Replicate sends it (Standard Webhooks): id, unix-seconds timestamp and a
     * {@code v1,} HMAC-SHA256 signature of {@code id.timestamp.body} with the secret's key. Computed here, apart from
     * the model's own code.
     */
    static Map<String, String> signed(String secret, String id, Instant at, String body) {
        String timestamp = Long.toString(at.getEpochSecond());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Map.of("Webhook-Id", id, "Webhook-Timestamp", timestamp,
                    "Webhook-Signature", "v1," + Base64.getEncoder().encodeToString(signature),
                    "Content-Type", "application/json", "User-Agent", "Replicate-Webhooks/1.0");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void delivers(String name, String mediaType, byte[] content) {
        server.stubFor(get(urlPathEqualTo("/delivery/" + name))
                .willReturn(aResponse().withHeader("Content-Type", mediaType).withBody(content)));
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
