package dev.atelier.launcher.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.web.auth.Cookies;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser on one host of the platform: keeps the cookies that host sets (a browser keeps them per host, since the
 * platform's cookies carry no Domain) and drops those it expires, sends them back, and never follows redirects, so
 * tests see each 303 and its {@code Location}. Extra headers are name-value pairs, or a map.
 */
public final class Browser {

    /** The password {@link #signedUp} signs up with. */
    public static final String PASSWORD = "violet-harbour-lantern-42";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
    private static final Pattern CSRF_JSON = Pattern.compile("\"csrf_token\"\\s*:\\s*\"([^\"]+)\"");

    /** Asked at each request: a restarted platform listens on another port. */
    private final IntSupplier port;
    private final String host;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> fixedHeaders = new LinkedHashMap<>();
    private String hostHeader;
    private Consumer<HttpRequest> log = request -> { };

    Browser(IntSupplier port, String host) {
        this.port = port;
        this.host = host;
        fixedHeaders.put("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0");
    }

    public String host() {
        return host;
    }

    /** Sends {@code value} as the {@code Host} header instead of this browser's host and the platform's port. */
    public Browser hostHeader(String value) {
        this.hostHeader = value;
        return this;
    }

    /** Sends {@code name: value} with every request from now on (a user agent, a bearer token). */
    public Browser always(String name, String value) {
        fixedHeaders.put(name, value);
        return this;
    }

    /** Hands every request this browser sends to {@code log} first, so a test can tell which routes it reached. */
    public Browser recording(Consumer<HttpRequest> log) {
        this.log = log;
        return this;
    }

    public Browser userAgent(String value) {
        return always("User-Agent", value);
    }

    /**
     * Makes this browser's requests come from {@code clientAddress} (an {@code X-Forwarded-For} header), for a
     * platform that trusts forwarded headers as it does behind a proxy.
     */
    public Browser from(String clientAddress) {
        return always("X-Forwarded-For", clientAddress);
    }

    /** Holds the session cookie {@code session}, as a browser signed in elsewhere would. */
    public Browser signedIn(String session) {
        return setCookie(Cookies.SESSION, session);
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** Puts a cookie in the jar as if this host had set it (or as if someone planted it). */
    public Browser setCookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    public void forgetCookies() {
        cookies.clear();
    }

    public HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        return send(request(pathAndQuery, pairs(headers)).GET());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        return send(request(path, headers).GET());
    }

    public HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return HTTP.send(logged(request(path, Map.of()).GET()), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Any request, sent as written: {@code method} with {@code body} (null for none) and {@code headers}. */
    public HttpResponse<String> send(String method, String pathAndQuery, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        return send(request(pathAndQuery, headers).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public HttpResponse<String> delete(String path, String... headers) throws IOException, InterruptedException {
        return delete(path, pairs(headers));
    }

    public HttpResponse<String> delete(String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        return send(request(path, headers).DELETE());
    }

    /** Posts {@code fields} as an HTML form would (application/x-www-form-urlencoded), exactly as given. */
    public HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return postForm(path, fields);
    }

    /** Posts a form whose fields may repeat (checkboxes), in order. */
    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields)
            throws IOException, InterruptedException {
        return postForm(path, fields, Map.of());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers)
            throws IOException, InterruptedException {
        return postForm(path, fields, pairs(headers));
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields, Map<String, String> headers)
            throws IOException, InterruptedException {
        return postForm(path, new ArrayList<>(fields.entrySet()), headers);
    }

    private HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields,
            Map<String, String> headers) throws IOException, InterruptedException {
        String body = fields.stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return post(path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8), pairs(headers));
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        return send(request(path, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public HttpResponse<String> postJson(String path, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** A JSON post to the API on the strength of the session, with its CSRF header as the site's script sends. */
    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return postJson(path, json, csrfHeader());
    }

    /** Opens {@code formPage}, then sends its form to {@code action} with the page's CSRF token added. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf", csrfOf(formPage));
        return postForm(action, all);
    }

    /** The CSRF token in the forms of {@code page}. */
    public String csrfOf(String page) throws IOException, InterruptedException {
        HttpResponse<String> response = get(page);
        return csrfIn(response).orElseThrow(() -> new AssertionError(
                "no csrf field on " + page + " of " + host + " (status " + response.statusCode() + ")"));
    }

    /** The CSRF token in the forms of {@code page}. */
    public static String csrfOf(HttpResponse<String> page) {
        return csrfIn(page).orElseThrow(() -> new IllegalStateException("the page has no CSRF field: " + page.body()));
    }

    private static Optional<String> csrfIn(HttpResponse<String> page) {
        Matcher matcher = CSRF_FIELD.matcher(page.body());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The {@code X-CSRF-Token} header of this browser's session, as {@code GET /api/v1/account} hands it out. */
    public Map<String, String> csrfHeader() throws IOException, InterruptedException {
        HttpResponse<String> me = get("/api/v1/account");
        Matcher csrf = CSRF_JSON.matcher(me.body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token for this session (status " + me.statusCode() + "): " + me.body());
        }
        return Map.of("X-CSRF-Token", csrf.group(1));
    }

    /**
     * Creates a personal API token through the JSON API with this browser's session cookie and its CSRF token, as
     * the site's own front end would.
     */
    public HttpResponse<String> createApiToken(String name) throws IOException, InterruptedException {
        return postJson("/api/v1/account/tokens", "{\"name\":\"" + name + "\"}");
    }

    /** Signs up through /signup; returns the response to the form post. */
    public HttpResponse<String> signUp(String email, String password) throws IOException, InterruptedException {
        return signUp("", email, password);
    }

    public HttpResponse<String> signUp(String displayName, String email, String password)
            throws IOException, InterruptedException {
        return submit("/signup", "/signup", Map.of("displayName", displayName, "email", email, "password", password,
                "terms", "yes"));
    }

    /** Signs up with {@link #PASSWORD} and checks it worked (signed in, sent on). */
    public Browser signedUp(String email) throws IOException, InterruptedException {
        HttpResponse<String> response = signUp(email, PASSWORD);
        if (response.statusCode() != 303 || cookie(Cookies.SESSION).isEmpty()) {
            throw new IllegalStateException("sign-up of " + email + " on " + host + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return this;
    }

    public HttpResponse<String> signIn(String email, String password) throws IOException, InterruptedException {
        return submit("/signin", "/signin", Map.of("email", email, "password", password));
    }

    /** The signed-in account as {@code GET /api/v1/account} returns it. */
    public JsonNode me(String... headers) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v1/account", headers);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/api/v1/account answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    public static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("no Location header, status " + response.statusCode()));
    }

    /**
     * Where a redirect sends this browser, as path and query; fails if it leaves this browser's site (the platform
     * writes {@code Location} as an absolute URL of the request's own host).
     */
    public String redirect(HttpResponse<?> response) {
        URI target = URI.create(location(response));
        if (!target.isAbsolute()) {
            return target.toString();
        }
        if (!(host + ":" + port.getAsInt()).equalsIgnoreCase(target.getHost() + ":" + target.getPort())) {
            throw new IllegalStateException("the redirect leaves " + host + ": " + target);
        }
        return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }

    /** Whether the response sets the named cookie to a value (rather than dropping it). */
    public static boolean setsCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(SetCookie::parse)
                .anyMatch(c -> c.name().equals(name) && c.value() != null);
    }

    /** A GET to another site (the OpenID provider), without this host's cookies. */
    public static HttpResponse<String> visit(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port.getAsInt() + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header("Host", hostHeader == null ? host + ":" + port.getAsInt() : hostHeader);
        fixedHeaders.forEach(builder::header);
        if (!cookies.isEmpty()) {
            StringJoiner header = new StringJoiner("; ");
            cookies.forEach((k, v) -> header.add(k + "=" + v));
            builder.header("Cookie", header.toString());
        }
        headers.forEach(builder::header);
        return builder;
    }

    private HttpRequest logged(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        log.accept(request);
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(logged(builder), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            SetCookie cookie = SetCookie.parse(header);
            if (cookie.value() == null) {
                cookies.remove(cookie.name());
            } else {
                cookies.put(cookie.name(), cookie.value());
            }
        }
        return response;
    }

    private static Map<String, String> pairs(String... headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return map;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A Set-Cookie header; {@code value} is null when it tells the browser to forget the cookie. */
    private record SetCookie(String name, String value) {

        static SetCookie parse(String header) {
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
    }
}
