package dev.atelier.launcher.generation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.TestPlatformBuilder;
import dev.atelier.launcher.platform.User;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Replicate bundle inside the real platform, told to call back: the prediction is created with the job's public
 * webhook URL, Replicate's signed messages (Standard Webhooks) POSTed there drive the job to its end without a single
 * poll, and a message with a forged signature changes nothing. Replicate's API is replayed by WireMock with its
 * documented prediction objects.
 */
class ReplicateWebhooksTest {

    static final String SLUG = "replicastudio";
    static final String PUBLIC_BASE = "https://hooks.example.com";
    static final String PREDICTION = "ufawqhfynnddngldkgtslldrkq";
    static final byte[] KEY = secretKey();
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles().wireMock()
            .bundle("model-replicate.jar", "replicate-image", "replicate-video")
            .studio(SLUG, "{id: replicate-image, credits: 2, config: {api_token: r8_e2eToken, model: acme/painter,"
                    + " base_url: '" + TestPlatformBuilder.WIREMOCK_URL + "', webhook_secret: 'whsec_"
                    + Base64.getEncoder().encodeToString(KEY) + "'}}", "")
            .set("atelier.http.public-base-url", PUBLIC_BASE)
            .build();

    /** Replicate's API, replayed. */
    private static WireMockServer replicate() {
        return platform.wireMock();
    }

    private static byte[] secretKey() {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void signedWebhooksFinishTheJobWithoutPollingAndForgedOnesAreIgnored() throws Exception {
        replicate().stubFor(post(urlPathEqualTo("/v1/models/acme/painter/predictions")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(prediction("starting", null))));
        replicate().stubFor(get(urlPathEqualTo("/files/out.png")).willReturn(aResponse()
                .withHeader("Content-Type", "image/png").withBody(png())));
        replicate().stubFor(get(urlPathEqualTo("/files/forged.png")).willReturn(aResponse()
                .withHeader("Content-Type", "image/png").withBody(png())));
        User user = platform.user(SLUG, 10);

        String id = Jobs.accepted(user.submit("{\"model\":\"replicate-image\",\"prompt\":\"a lighthouse\"}"));
        JsonNode created = awaitCreateBody();
        URI webhook = URI.create(created.path("webhook").asText());
        assertThat(webhook.toString()).startsWith(PUBLIC_BASE + "/hooks/generations/" + id + "/1/");
        assertThat(created.path("webhook_events_filter").toString()).contains("completed");

        String forged = prediction("succeeded", "[\"" + replicate().baseUrl() + "/files/forged.png\"]");
        assertThat(deliver(webhook, "msg_forged", forged, new byte[24]).statusCode()).isEqualTo(204);
        assertThat(deliver(webhook, "msg_1", prediction("processing", null), KEY).statusCode()).isEqualTo(204);
        String done = prediction("succeeded", "[\"" + replicate().baseUrl() + "/files/out.png\"]");
        assertThat(deliver(webhook, "msg_2", done, KEY).statusCode()).isEqualTo(204);
        assertThat(deliver(webhook, "msg_2", done, KEY).statusCode()).isEqualTo(204);

        JsonNode job = Jobs.awaitFinal(user, id);
        assertThat(job.get("status").asText()).as("job %s", job).isEqualTo("SUCCEEDED");
        assertThat(job.at("/outputs/0/media_type").asText()).isEqualTo("image/png");
        replicate().verify(0, getRequestedFor(urlPathEqualTo("/v1/predictions/" + PREDICTION)));
        replicate().verify(0, getRequestedFor(urlPathEqualTo("/files/forged.png")));
        replicate().verify(1, getRequestedFor(urlPathEqualTo("/files/out.png")));
        assertThat(platform.balance(user)).isEqualTo(8);
    }

    private static JsonNode awaitCreateBody() throws Exception {
        await().atMost(Jobs.PATIENCE).until(() -> !replicate().findAll(
                postRequestedFor(urlPathEqualTo("/v1/models/acme/painter/predictions"))).isEmpty());
        List<LoggedRequest> creates = replicate().findAll(
                postRequestedFor(urlPathEqualTo("/v1/models/acme/painter/predictions"))
                        .withHeader("Authorization", equalTo("Bearer r8_e2eToken")));
        assertThat(creates).hasSize(1);
        return User.JSON.readTree(creates.get(0).getBodyAsString());
    }

    /** POSTs a message to the webhook URL on this platform, signed as Replicate signs (Standard Webhooks). */
    private static HttpResponse<String> deliver(URI webhook, String messageId, String body, byte[] key)
            throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(
                mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + platform.port() + webhook.getRawPath()))
                .timeout(Duration.ofSeconds(30))
                .header("Host", "hooks.example.com:" + platform.port())
                .header("Content-Type", "application/json")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", "v1," + signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return User.HTTP_CLIENT().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A prediction object as Replicate documents it; {@code output} is raw JSON or null. */
    private static String prediction(String status, String output) {
        String base = replicate().baseUrl();
        return "{\"id\":\"" + PREDICTION + "\",\"model\":\"acme/painter\",\"version\":\"dp-4d0bcc010b3049749a251855f12800be\","
                + "\"input\":{\"prompt\":\"a lighthouse\"},\"logs\":\"\",\"output\":" + output + ",\"error\":null,"
                + "\"status\":\"" + status + "\",\"created_at\":\"2026-12-06T10:00:00.000Z\",\"data_removed\":false,"
                + "\"urls\":{\"get\":\"" + base + "/v1/predictions/" + PREDICTION + "\",\"cancel\":\"" + base
                + "/v1/predictions/" + PREDICTION + "/cancel\"}}";
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(20, 90, 140));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
