package dev.atelier.launcher.accounts;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser on one tenant host: it keeps the cookies the site sets (and drops those it expires), sends them back,
 * and does not follow redirects, so tests see each 303 and its {@code Location}.
 */
final class Visitor {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final String host;
    private final String hostHeader;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String address;

    Visitor(int port, String host) {
        this(port, host, host + ":" + port);
    }

    /** A browser (or a script) that sends {@code hostHeader} as its {@code Host}, port and all. */
    Visitor(int port, String host, String hostHeader) {
        this.port = port;
        this.host = host;
        this.hostHeader = hostHeader;
    }

    String host() {
        return host;
    }

    /**
     * Makes this browser's requests come from {@code clientAddress} (an {@code X-Forwarded-For} header), for a
     * platform that trusts forwarded headers as it does behind a proxy.
     */
    Visitor from(String clientAddress) {
        this.address = clientAddress;
        return this;
    }

    Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** Puts a cookie into this browser, as if the site had set it (or as if someone planted it). */
    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    void forgetCookies() {
        cookies.clear();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(builder(path).GET());
    }

    /** A GET with extra headers. */
    HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = builder(path).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** Posts {@code fields} as an HTML form would (application/x-www-form-urlencoded), exactly as given. */
    HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return postForm(path, fields, Map.of());
    }

    /** {@link #post} with extra headers. */
    HttpResponse<String> postForm(String path, Map<String, String> fields, Map<String, String> headers)
            throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = builder(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** Opens {@code page}, then sends its form to {@code action} with the page's CSRF token added to {@code fields}. */
    HttpResponse<String> submit(String page, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("csrf", csrfOf(page));
        return post(action, withToken);
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

    /** A DELETE with extra headers. */
    HttpResponse<String> delete(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = builder(path).DELETE();
        headers.forEach(request::header);
        return send(request);
    }

    HttpResponse<String> postJson(String path, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    /**
     * Creates a personal API token through the JSON API with this browser's session cookie and its CSRF token, as
     * the site's own front end would.
     */
    HttpResponse<String> createApiToken(String name) throws IOException, InterruptedException {
        return postJson("/api/v1/account/tokens", "{\"name\":\"" + name + "\"}", csrfHeader());
    }

    /** The {@code X-CSRF-Token} header of this browser's session, as {@code GET /api/v1/account} hands it out. */
    Map<String, String> csrfHeader() throws IOException, InterruptedException {
        HttpResponse<String> me = get("/api/v1/account");
        Matcher csrf = Pattern.compile("\"csrf_token\":\"([^\"]+)\"").matcher(me.body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token for this session (status " + me.statusCode() + "): " + me.body());
        }
        return Map.of("X-CSRF-Token", csrf.group(1));
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Host", hostHeader);
        if (address != null) {
            request.header("X-Forwarded-For", address);
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            boolean expired = value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
