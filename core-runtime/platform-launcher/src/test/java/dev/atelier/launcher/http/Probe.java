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

/**
 * The demo platform probed from outside over raw HTTP, by an admin of AuraTuner signed in with a session cookie, who
 * knows the CSRF token of the session (or leaves it out, as a forged request would).
 */
final class Probe implements AutoCloseable {

    static final String HOST = "auratuner.localhost";
    static final String BOUNDARY = "----atelier-probe";

    final TestPlatform platform;
    final RawHttp http;
    final String session;
    final String csrf;

    private Probe(TestPlatform platform, String session, String csrf) {
        this.platform = platform;
        this.http = new RawHttp(platform.port());
        this.session = session;
        this.csrf = csrf;
    }

    static Probe start() throws Exception {
        TestPlatform platform = TestPlatform.demo().start();
        String session = platform.accounts().signedInAdmin("auratuner", "admin@auratuner.test");
        return new Probe(platform, session, csrfOf(platform, session));
    }

    /** The same admin in a new session (the account is made again if a probe deleted it). */
    Probe newSession() throws IOException, InterruptedException {
        String next = platform.accounts().signedInAdmin("auratuner", "admin@auratuner.test");
        return new Probe(platform, next, csrfOf(platform, next));
    }

    private static String csrfOf(TestPlatform platform, String session) throws IOException, InterruptedException {
        return platform.browser("auratuner").signedIn(session).csrfHeader().get("X-CSRF-Token");
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

    @Override
    public void close() throws IOException {
        platform.close();
    }
}
