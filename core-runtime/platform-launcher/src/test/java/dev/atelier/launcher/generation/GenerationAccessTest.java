package dev.atelier.launcher.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Nobody but the owner reaches a generation, its upload or its media; uploads that are not what they claim are refused. */
class GenerationAccessTest {

    static final String ALPHA = "alphastudio";
    static final String BETA = "betastudio";
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles()
            .studio(ALPHA, "{id: procedural, credits: 1}", "")
            .studio(BETA, "{id: procedural, credits: 1}", "")
            .build();
    static User owner;
    static String jobId;
    static JsonNode job;

    @BeforeAll
    static void start() throws Exception {
        owner = platform.user(ALPHA, 10);
        jobId = Jobs.accepted(owner.submit("{\"model\":\"procedural\",\"prompt\":\"mine\","
                + "\"parameters\":{\"width\":128,\"height\":128}}"));
        job = Jobs.awaitFinal(owner, jobId);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void otherUsersOfTheSameOrAnotherTenantGet404ForTheJob() throws Exception {
        for (User other : new User[] {platform.user(ALPHA, 10), platform.user(BETA, 10)}) {
            assertThat(other.scriptGet("/api/v1/generations/" + jobId).statusCode()).isEqualTo(404);
            assertThat(other.scriptGet("/api/v1/generations/" + jobId + "/events").statusCode()).isEqualTo(404);
            assertThat(other.post("/api/v1/generations/" + jobId + "/cancel").statusCode()).isEqualTo(404);
            assertThat(other.delete("/api/v1/generations/" + jobId).statusCode()).isEqualTo(404);
            assertThat(other.get("/gallery/" + jobId).statusCode()).isEqualTo(404);
        }
        assertThat(owner.json("/api/v1/generations/" + jobId).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void markupInAPromptIsShownAsTextOnTheGalleryAndTheCreationsPage() throws Exception {
        String markup = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        String id = Jobs.accepted(owner.submit("{\"model\":\"procedural\",\"prompt\":"
                + User.JSON.writeValueAsString(markup) + ",\"parameters\":{\"width\":64,\"height\":64}}"));
        Jobs.awaitFinal(owner, id);

        for (String page : new String[] {"/gallery", "/gallery/" + id}) {
            HttpResponse<String> response = owner.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.body()).as(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
        }
    }

    @Test
    void anotherUserCannotUseSomeonesUpload() throws Exception {
        HttpResponse<String> uploaded = owner.upload("in.png", "image/png", GenerationFlowTest.stripes(64));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String uploadId = User.parse(uploaded).get("id").asText();

        for (User other : new User[] {platform.user(ALPHA, 10), platform.user(BETA, 10)}) {
            HttpResponse<String> refused = other.submit("{\"model\":\"procedural\",\"prompt\":\"theirs\","
                    + "\"inputs\":[\"" + uploadId + "\"]}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertThat(User.parse(refused).get("errors").findValuesAsText("field")).containsExactly("inputs");
        }
    }

    @Test
    void mediaLinksWorkOnlyOnTheirTenantsHostAndOnlyUnaltered() throws Exception {
        String url = Jobs.path(job.get("outputs").get(0).get("url").asText());
        assertThat(owner.bytes(url).statusCode()).isEqualTo(200);

        assertThat(owner.on(BETA + ".localhost").bytes(url).statusCode()).isEqualTo(404);
        String sig = url.replaceAll(".*[?&]sig=([^&]*).*", "$1");
        String flipped = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);
        assertThat(owner.bytes(url.replace("sig=" + sig, "sig=" + flipped)).statusCode()).isEqualTo(404);
        String exp = url.replaceAll(".*[?&]exp=([^&]*).*", "$1");
        assertThat(owner.bytes(url.replace("exp=" + exp, "exp=" + (Long.parseLong(exp) - 7200))).statusCode())
                .as("an altered expiry breaks the signature").isIn(403, 404);
        assertThat(owner.bytes(url.replace("exp=" + exp, "exp=1000")).statusCode()).isIn(403, 404);
    }

    @Test
    void anExpiredMediaLinkIs403() throws Exception {
        String url = Jobs.path(job.get("outputs").get(0).get("url").asText());
        String key = url.substring("/media/".length(), url.indexOf('?'));
        dev.atelier.generation.MediaLinks signedTwoHoursAgo = new dev.atelier.generation.MediaLinks(
                dev.atelier.core.secrets.SecretBox.fromBase64(platform.secretsKey()),
                platform.atelier().generation().storage(),
                java.time.Clock.fixed(java.time.Instant.now().minus(java.time.Duration.ofHours(2)),
                        java.time.ZoneOffset.UTC), java.time.Duration.ofMinutes(1));
        String expired = signedTwoHoursAgo.url(platform.atelier().tenants().directory().bySlug(ALPHA).orElseThrow(),
                key);

        HttpResponse<byte[]> response = owner.bytes(expired);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("expired");
    }

    @Test
    void uploadsThatAreNotAcceptableImagesAreRefusedWithAReason() throws Exception {
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000\u0080\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
        expectRefusal(owner.upload("a.png", "image/png", gif), 415);

        ByteArrayOutputStream polyglot = new ByteArrayOutputStream();
        polyglot.writeBytes(GenerationFlowTest.stripes(32));
        polyglot.writeBytes(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0});
        polyglot.writeBytes("evil.txt and more zip bytes".getBytes(StandardCharsets.US_ASCII));
        expectRefusal(owner.upload("b.png", "image/png", polyglot.toByteArray()), 415);

        expectRefusal(owner.upload("huge.png", "image/png", pngHeader(50_000, 50_000)), 413);

        HttpResponse<String> empty = owner.upload("empty.png", "image/png", new byte[0]);
        assertThat(empty.statusCode()).as(empty.body()).isIn(415, 422);
        assertThat(User.parse(empty).get("detail").asText()).isNotBlank();
    }

    private static void expectRefusal(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(User.parse(response).get("detail").asText()).isNotBlank();
    }

    /** A PNG signature and header claiming {@code width} × {@code height}, with no pixels behind it. */
    static byte[] pngHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] data = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array();
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        byte[] type = "IHDR".getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(type);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        // A little pixel data, as a decompression bomb would carry (it would inflate to gigabytes).
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(new byte[4096]);
        deflater.finish();
        byte[] idat = new byte[256];
        idat = java.util.Arrays.copyOf(idat, deflater.deflate(idat));
        out.writeBytes(ByteBuffer.allocate(4).putInt(idat.length).array());
        byte[] idatType = "IDAT".getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(idatType);
        out.writeBytes(idat);
        CRC32 idatCrc = new CRC32();
        idatCrc.update(idatType);
        idatCrc.update(idat);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) idatCrc.getValue()).array());
        out.writeBytes(new byte[] {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82});
        return out.toByteArray();
    }
}
