package dev.atelier.launcher.admin;

import dev.atelier.web.auth.Cookies;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser signed in to one tenant host with a session cookie. Redirects are not followed, so tests see each 303;
 * forms may repeat a field (checkboxes), so they are lists of name-value pairs.
 */
final class AdminBrowser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final String host;
    private final String session;

    AdminBrowser(int port, String host, String session) {
        this.port = port;
        this.host = host;
        this.session = session;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts {@code fields} as an HTML form would, in order and exactly as given. */
    HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields)
            throws IOException, InterruptedException {
        String body = fields.stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(builder(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON post to the API on the strength of the session, with its CSRF token header as the site's script sends. */
    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return http.send(builder(path).header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrfOf("/account")).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token in the forms of {@code page}. */
    String csrfOf(String page) throws IOException, InterruptedException {
        HttpResponse<String> response = get(page);
        Matcher m = CSRF_FIELD.matcher(response.body());
        if (!m.find()) {
            throw new AssertionError("no csrf field on " + page + " (status " + response.statusCode() + ")");
        }
        return m.group(1);
    }

    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Host", host + ":" + port).header("Cookie", Cookies.SESSION + "=" + session);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
