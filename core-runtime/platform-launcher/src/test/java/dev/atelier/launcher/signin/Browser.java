package dev.atelier.launcher.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser on one host of the platform: keeps the cookies that host sets (a browser keeps them per host, since the
 * platform's cookies carry no Domain), sends them back, and never follows redirects, so tests see each step.
 */
final class Browser {

    static final String PASSWORD = "violet-harbour-lantern-42";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final String host;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String userAgent = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0";

    Browser(int port, String host) {
        this.port = port;
        this.host = host;
    }

    String host() {
        return host;
    }

    Browser userAgent(String value) {
        this.userAgent = value;
        return this;
    }

    Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** Puts a cookie in the jar as if this host had set it (for replaying another host's cookie). */
    Browser setCookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        return send(request(pathAndQuery, headers).GET());
    }

    HttpResponse<String> delete(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).DELETE());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers)
            throws IOException, InterruptedException {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    HttpResponse<String> post(String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        return send(request(path, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a form of {@code formPage} with the CSRF token that page carries, as a browser submitting it would. */
    HttpResponse<String> submit(String formPage, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        HttpResponse<String> page = get(formPage);
        if (page.statusCode() != 200) {
            throw new IllegalStateException(formPage + " answered " + page.statusCode() + " on " + host);
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf", csrfOf(page));
        return postForm(action, all);
    }

    /** Signs up through /signup; returns the response to the form post. */
    HttpResponse<String> signUp(String email, String password) throws IOException, InterruptedException {
        return submit("/signup", "/signup", Map.of("displayName", "", "email", email, "password", password,
                "terms", "yes"));
    }

    /** Signs up and checks it worked (signed in, sent to /signup/done). */
    Browser signedUp(String email) throws IOException, InterruptedException {
        HttpResponse<String> response = signUp(email, PASSWORD);
        if (response.statusCode() != 303 || cookie("atelier_session").isEmpty()) {
            throw new IllegalStateException("sign-up of " + email + " on " + host + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return this;
    }

    HttpResponse<String> signIn(String email, String password) throws IOException, InterruptedException {
        return submit("/signin", "/signin", Map.of("email", email, "password", password));
    }

    /** The signed-in account as {@code GET /api/v1/account} returns it. */
    JsonNode me(String... headers) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v1/account", headers);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/api/v1/account answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    static String csrfOf(HttpResponse<String> page) {
        Matcher matcher = CSRF_FIELD.matcher(page.body());
        if (!matcher.find()) {
            throw new IllegalStateException("the page has no CSRF field: " + page.body());
        }
        return matcher.group(1);
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("no Location header, status " + response.statusCode()));
    }

    /**
     * Where a redirect sends this browser, as path and query; fails if it leaves this browser's site (the platform
     * writes {@code Location} as an absolute URL of the request's own host).
     */
    String redirect(HttpResponse<?> response) {
        URI target = URI.create(location(response));
        if (!target.isAbsolute()) {
            return target.toString();
        }
        if (!(host + ":" + port).equalsIgnoreCase(target.getHost() + ":" + target.getPort())) {
            throw new IllegalStateException("the redirect leaves " + host + ": " + target);
        }
        return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }

    /** Whether the response sets the named cookie to a value (rather than dropping it). */
    static boolean setsCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(Browser::parseSetCookie)
                .anyMatch(c -> c.name().equals(name) && c.value() != null);
    }

    private HttpRequest.Builder request(String pathAndQuery, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Host", host + ":" + port)
                .header("User-Agent", userAgent);
        if (!cookies.isEmpty()) {
            StringJoiner header = new StringJoiner("; ");
            cookies.forEach((k, v) -> header.add(k + "=" + v));
            builder.header("Cookie", header.toString());
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            SetCookie cookie = parseSetCookie(header);
            if (cookie.value() == null) {
                cookies.remove(cookie.name());
            } else {
                cookies.put(cookie.name(), cookie.value());
            }
        }
        return response;
    }

    /** A Set-Cookie header; {@code value} is null when it tells the browser to forget the cookie. */
    private record SetCookie(String name, String value) {}

    private static SetCookie parseSetCookie(String header) {
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        String name = parts[0].substring(0, eq).strip();
        String value = parts[0].substring(eq + 1).strip();
        if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
            value = value.substring(1, value.length() - 1);
        }
        boolean expired = value.isEmpty();
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip();
            if (attribute.regionMatches(true, 0, "Max-Age=", 0, 8)) {
                expired |= Long.parseLong(attribute.substring(8).strip()) <= 0;
            }
        }
        return new SetCookie(name, expired ? null : value);
    }

    /** A GET to another site (the OpenID provider), without this host's cookies. */
    static HttpResponse<String> visit(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
