package dev.atelier.web.headers;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A gallery page whose storage hands out its own links (S3 presigned URLs on the bucket's host) may show images and
 * videos from exactly those hosts; nothing else about the strict policy changes.
 */
class MediaOriginsTest {

    private static final String BUCKET = "https://media-bucket.s3.eu-west-1.amazonaws.com";

    @Test
    void aPageWithStorageLinksOnAnotherHostMayShowMediaFromThatHostOnly() {
        Map<String, Object> item = Map.of(
                "prompt", "https://attacker.example/look-like-a-link",
                "thumbnailUrl", BUCKET + "/tnt_1/outputs/a.webp?X-Amz-Signature=abc",
                "outputs", List.of(Map.of("url", BUCKET + "/tnt_1/outputs/a.mp4?X-Amz-Signature=def",
                        "downloadUrl", BUCKET + "/tnt_1/outputs/a.mp4?X-Amz-Signature=def")));

        String policy = policyOf(MediaOrigins.allow(Response.ok("page").build(), item));

        assertThat(policy).contains("img-src 'self' data: blob: " + BUCKET + ";",
                        "media-src 'self' blob: " + BUCKET + ";", "script-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("attacker.example");
    }

    @Test
    void aPageWithOnlyThePlatformsOwnLinksKeepsTheStrictPolicy() {
        Map<String, Object> gallery = Map.of("items", List.of(Map.of("url", "/gallery/gen_1",
                "thumbnailUrl", "/media/tnt_1/outputs/a.webp?exp=1&sig=x")));

        Response page = MediaOrigins.allow(Response.ok("page").build(), gallery);

        assertThat(page.getHeaders().get("Content-Security-Policy")).isNull();
    }

    @Test
    void aLinkThatIsNotAPlainOriginCannotSlipInADirective() {
        Map<String, Object> item = Map.of("url", "https://bucket.example; script-src *;/a.png");

        String policy = policyOf(MediaOrigins.allow(Response.ok("page").build(), item));

        assertThat(policy).doesNotContain("script-src *").doesNotContain("bucket.example");
    }

    private static String policyOf(Response page) {
        return String.valueOf(page.getHeaders().getFirst("Content-Security-Policy"));
    }
}
