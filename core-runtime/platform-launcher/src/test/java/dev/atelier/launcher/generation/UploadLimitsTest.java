package dev.atelier.launcher.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import dev.atelier.testkit.Pngs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Uploads that cost the server more than they look: files small on disk but huge once decoded, many at once, too
 * fast, or kept unused. Memory stays within the decode budget, and a user is told to wait rather than piling up.
 */
class UploadLimitsTest {

    static final String SLUG = "uploadstudio";
    static final long MB = 1024L * 1024L;
    /** The decode budget (atelier.media.decode-memory-mb, default 512 MB) and room for the requests around it. */
    static final long HEAP_BOUND = 512 * MB + 256 * MB;
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles()
            .studio(SLUG, "{id: procedural, credits: 1}", "")
            .set("atelier.uploads.per-minute", "6")
            .set("atelier.uploads.max-unused-files", "8")
            .set("atelier.uploads.max-unused-mb", "1")
            .build();

    @Test
    void tenDeepPngsUploadedAtOnceKeepTheHeapWithinTheDecodeBudget() throws Exception {
        // 6000 × 6600 RGBA at 16 bits per sample: some 470 KB to send, 316 MB as the decoder's own raster.
        byte[] hostile = Pngs.deepFlatRgba(6000, 6600, 0x1234, 0x8888, 0xFFFF, 0xFFFF);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            users.add(platform.user(SLUG, 0));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        List<Throwable> unanswered = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(users.size());
        try (HeapWatch heap = new HeapWatch()) {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (User user : users) {
                sent.add(senders.submit(() -> user.upload("deep.png", "image/png", hostile)));
            }
            for (Future<HttpResponse<String>> response : sent) {
                try {
                    responses.add(response.get());
                } catch (ExecutionException e) {
                    unanswered.add(e.getCause()); // the heap is checked first: it says more than a timeout
                }
            }

            assertThat(heap.collections()).as("the heap was looked at while the uploads ran").isPositive();
            assertThat(heap.peakGrowth() / MB).as("MB of heap kept alive above %d MB at rest", heap.baseline() / MB)
                    .isLessThanOrEqualTo(HEAP_BOUND / MB);
        } finally {
            senders.shutdownNow();
        }
        assertThat(unanswered).as("uploads left without an answer").isEmpty();
        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201, 503).contains(201);
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() == 201) {
                JsonNode upload = User.parse(response);
                assertThat(upload.get("width").asInt()).isEqualTo(6000);
                assertThat(upload.get("media_type").asText()).isEqualTo("image/png");
            } else {
                expectProblemWithRetryAfter(response, 503);
            }
        }
    }

    @Test
    void uploadingFasterThanTheRateIsToldWhenToTryAgain() throws Exception {
        User user = platform.user(SLUG, 0);
        byte[] small = GenerationFlowTest.stripes(16);

        for (int i = 0; i < 6; i++) {
            HttpResponse<String> accepted = user.upload("in.png", "image/png", small);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        }
        HttpResponse<String> refused = user.upload("in.png", "image/png", small);

        expectProblemWithRetryAfter(refused, 429);
        assertThat(User.parse(refused).get("detail").asText()).contains("faster than this site allows");
        assertThat(platform.user(SLUG, 0).upload("in.png", "image/png", small).statusCode())
                .as("another user is not slowed down").isEqualTo(201);
    }

    @Test
    void unusedUploadsBeyondTheQuotaOfFilesAreRefusedSayingWhy() throws Exception {
        User user = platform.user(SLUG, 0);
        Path file = Files.write(Files.createTempFile("quota-", ".png"), GenerationFlowTest.stripes(16));
        try {
            Tenant tenant = platform.atelier().tenants().directory().bySlug(SLUG).orElseThrow();
            for (int i = 0; i < 8; i++) {
                platform.atelier().generation().uploads().create(tenant, user.accountId(), file);
            }
        } finally {
            Files.delete(file);
        }

        HttpResponse<String> refused = user.upload("in.png", "image/png", GenerationFlowTest.stripes(16));

        expectProblemWithRetryAfter(refused, 429);
        assertThat(User.parse(refused).get("detail").asText()).contains("8 uploaded files")
                .contains("at most 8 files");
    }

    @Test
    void anUploadThatWouldPassTheQuotaOfBytesIsRefusedAndNotKept() throws Exception {
        User user = platform.user(SLUG, 0);
        byte[] noise = noise(450);
        assertThat(noise.length).as("each upload is over half the 1 MB quota").isGreaterThan(512 * 1024);

        HttpResponse<String> first = user.upload("a.png", "image/png", noise);
        long storedBefore = platform.storedFiles().size();
        HttpResponse<String> second = user.upload("b.png", "image/png", noise);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        expectProblemWithRetryAfter(second, 429);
        assertThat(User.parse(second).get("detail").asText()).contains("1 uploaded files").contains("1.0 MB");
        assertThat(platform.atelier().generation().uploads().ofAccount(user.tenantId(), user.accountId()))
                .as("the refused upload is not kept").hasSize(1);
        assertThat(platform.storedFiles()).as("nor its object").hasSize((int) storedBefore);
    }

    private static void expectProblemWithRetryAfter(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(User.parse(response).get("detail").asText()).isNotBlank();
    }

    /** Random pixels: a PNG that does not compress, so its size on disk is its size in the quota. */
    private static byte[] noise(int side) throws IOException {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, side, side, new Random(side).ints(side * side).toArray(), 0, side);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
