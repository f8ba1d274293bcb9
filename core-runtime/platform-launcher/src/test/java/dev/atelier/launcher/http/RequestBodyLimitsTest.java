package dev.atelier.launcher.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.launcher.http.RawHttp.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who may post and how much is decided before a body is read: a visitor's or another site's upload is refused
 * unread, and every address refuses a body over its limit with 413 (problem+json under /api, the site's page
 * elsewhere) instead of parsing it.
 */
class RequestBodyLimitsTest {

    private static final long MB = 1024 * 1024;

    @RegisterExtension
    static final Probe probe = new Probe();

    @Test
    void aVisitorsUploadToTheCreatePageIsSentToSignInWithoutTheBodyBeingRead() throws Exception {
        Map<String, String> headers = probe.anonymous(Probe.multipartType());
        headers.put("Content-Length", Long.toString(30 * MB));

        Reply reply = probe.http.sendHeadOnly("POST", "/create", headers);

        assertThat(reply.status()).isEqualTo(303);
        assertThat(reply.headers().get("location")).contains("/signin?next=");
    }

    @Test
    void anUploadToTheCreatePageFromAnotherSiteIsRefusedWithoutTheBodyBeingRead() throws Exception {
        Map<String, String> headers = probe.headers(false, Probe.multipartType());
        headers.put("Origin", "https://elsewhere.example");
        headers.put("Content-Length", Long.toString(30 * MB));

        Reply reply = probe.http.sendHeadOnly("POST", "/create", headers);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("text/html");
        assertThat(reply.body()).contains("This form has expired");
    }

    @Test
    void anUploadOverTheUploadLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        Map<String, String> page = probe.headers(false, Probe.multipartType());
        page.put("Content-Length", Long.toString(120 * MB));
        Map<String, String> api = probe.headers(true, Probe.multipartType());
        api.put("Content-Length", Long.toString(120 * MB));

        Reply create = probe.http.sendHeadOnly("POST", "/create", page);
        Reply upload = probe.http.sendHeadOnly("POST", "/api/v1/uploads", api);

        assertThat(create.status()).isEqualTo(413);
        assertThat(create.contentType()).startsWith("text/html");
        assertThat(create.body()).contains("AuraTuner");
        assertThat(upload.status()).isEqualTo(413);
        assertThat(upload.contentType()).startsWith("application/problem+json");
        assertThat(upload.body()).contains("\"status\":413");
    }

    @Test
    void aJsonSignInBodyOfFifteenMegabytesIsRefusedUnread() throws Exception {
        Map<String, String> headers = probe.anonymous("application/json");
        headers.put("Content-Length", Long.toString(15 * MB));

        Reply reply = probe.http.sendHeadOnly("POST", "/api/v1/auth/signin", headers);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aFormOverItsLimitGetsTheThemed413PageNotAServerError() throws Exception {
        byte[] form = ("email=a%40b.test&password=" + "x".repeat(300 * 1024)).getBytes(StandardCharsets.UTF_8);

        Reply reply = probe.http.send("POST", "/signin", probe.anonymous("application/x-www-form-urlencoded"), form);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("text/html");
        assertThat(reply.body()).contains("AuraTuner");
    }

    @Test
    void aChunkedJsonBodyOverTheLimitIsRefusedAndOneUnderItIsRead() throws Exception {
        String name = "\"name\":\"" + "n".repeat((int) (2 * MB)) + "\"";
        Map<String, String> headers = probe.headers(true, "application/json");

        Reply tooLarge = probe.http.sendChunked("POST", "/api/v1/account/tokens", headers,
                ("{" + name + "}").getBytes(StandardCharsets.UTF_8));
        Reply small = probe.http.sendChunked("POST", "/api/v1/generations", headers,
                "{\"model\":\"no-such-model\",\"prompt\":\"a cat\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(small.status()).as("read, and the model found unknown").isEqualTo(422);
        assertThat(small.body()).contains("\"field\":\"model\"");
    }
}
