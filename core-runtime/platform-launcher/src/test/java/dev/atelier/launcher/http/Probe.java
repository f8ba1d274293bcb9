package dev.atelier.launcher.http;

import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.web.auth.Cookies;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The demo platform probed from outside over raw HTTP, by an admin of AuraTuner signed in with a session cookie, who
 * knows the CSRF token of the session (or leaves it out, as a forged request would). Registered as a JUnit extension
 * on a static field, it starts the platform and signs the admin in once for the test class.
 */
final class Probe implements BeforeAllCallback, AfterAllCallback {

    static final String HOST = "auratuner.localhost";
    static final String BOUNDARY = "----atelier-probe";
    private static final String ADMIN = "admin@auratuner.test";

    final TestPlatform platform;
    RawHttp http;
    String session;
    String csrf;

    /** A probe of the demo platform, which the extension starts. */
    Probe() {
        this(TestPlatform.demo().build());
    }

    private Probe(TestPlatform platform) {
        this.platform = platform;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        platform.start();
        signIn();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        platform.close();
    }

    /** The same admin in a new session (the account is made again if a probe deleted it). */
    Probe newSession() throws IOException, InterruptedException {
        Probe next = new Probe(platform);
        next.signIn();
        return next;
    }

    private void signIn() throws IOException, InterruptedException {
        http = new RawHttp(platform.port());
        session = platform.accounts().signedInAdmin("auratuner", ADMIN);
        csrf = platform.browser("auratuner").signedIn(session).csrfHeader().get("X-CSRF-Token");
    }

    /** Host and session cookie; with {@code withCsrf} also the CSRF header. */
    Map<String, String> headers(boolean withCsrf) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", HOST + ":" + platform.port());
        headers.put("Cookie", Cookies.SESSION + "=" + session);
        if (withCsrf) {
            headers.put("X-CSRF-Token", csrf);
        }
        return headers;
    }

    /** Like {@link #headers(boolean)} with a content type. */
    Map<String, String> headers(boolean withCsrf, String contentType) {
        Map<String, String> headers = headers(withCsrf);
        headers.put("Content-Type", contentType);
        return headers;
    }

    /** Headers of a visitor who is not signed in. */
    Map<String, String> anonymous(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", HOST + ":" + platform.port());
        headers.put("Content-Type", contentType);
        return headers;
    }

    /** A multipart body with the given text fields, then a file part {@code file} holding {@code content}. */
    static String multipart(Map<String, String> fields, String fileField, String content) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(BOUNDARY)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n").append(content).append("\r\n--")
                .append(BOUNDARY).append("--\r\n");
        return body.toString();
    }

    /** A 2×2 PNG, as Latin-1 text so that it can go into {@link #multipart} bodies byte for byte. */
    static String tinyPng() {
        try {
            BufferedImage image = new BufferedImage(2, 2,
                    BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String multipartType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }
}
