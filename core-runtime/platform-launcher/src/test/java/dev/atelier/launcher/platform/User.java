package dev.atelier.launcher.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.web.auth.Cookies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One signed-in user of one tenant, talking HTTP to the platform as a browser (session cookie, plus the
 * {@code X-CSRF-Token} header on JSON changes) or as a script (personal API token). Redirects are not followed.
 */
public final class User {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
    public static HttpClient HTTP_CLIENT() {
        return HTTP;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Asked for its port at each request: a restarted platform listens on another one. */
    private final TestPlatform platform;
    private final String host;
    private final String tenantId;
    private final String accountId;
    private final String session;
    private final String apiToken;
    /** The port of the node requests go to, asked at each request; {@code null} for the platform's own. */
    private final java.util.function.IntSupplier node;
    private String csrf;

    User(TestPlatform platform, String host, String tenantId, String accountId, String session,
            String apiToken) {
        this(platform, host, tenantId, accountId, session, apiToken, null);
    }

    private User(TestPlatform platform, String host, String tenantId, String accountId, String session,
            String apiToken, java.util.function.IntSupplier node) {
        this.node = node;
        this.platform = platform;
        this.host = host;
        this.tenantId = tenantId;
        this.accountId = accountId;
        this.session = session;
        this.apiToken = apiToken;
    }

    /** The value of this user's session cookie, for a real browser to carry. */
    public String session() {
        return session;
    }

    public String host() {
        return host;
    }

    public String tenantId() {
        return tenantId;
    }

    public String accountId() {
        return accountId;
    }

    /** The same user's API token used against another host (to try another tenant's site). */
    public User on(String otherHost) {
        return new User(platform, otherHost, tenantId, accountId, session, apiToken);
    }

    /** The same user (session, API token) sending its requests to another node of the cluster. */
    public User onNode(dev.atelier.launcher.Atelier otherNode) {
        return new User(platform, host, tenantId, accountId, session, apiToken, otherNode::port);
    }

    /** The same user sending its requests to a node listening on {@code port}, such as one in another process. */
    public User onPort(int port) {
        return new User(platform, host, tenantId, accountId, session, apiToken, () -> port);
    }

    /** The CSRF token of the user's session, as the site's pages carry it. */
    public synchronized String csrf() throws IOException, InterruptedException {
        if (csrf == null) {
            HttpResponse<String> page = get("/create");
            Matcher m = CSRF_FIELD.matcher(page.body());
            if (!m.find()) {
                throw new AssertionError("no csrf field on /create (status " + page.statusCode() + ")");
            }
            csrf = m.group(1);
        }
        return csrf;
    }

    public HttpRequest.Builder browser(String path) {
        return request(path).header("Cookie", Cookies.SESSION + "=" + session);
    }

    public HttpRequest.Builder script(String path) {
        return request(path).header("Authorization", "Bearer " + apiToken);
    }

    private HttpRequest.Builder request(String path) {
        int port = node == null ? platform.port() : node.getAsInt();
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Host", host + ":" + port);
    }

    /** A page or API GET with the session cookie. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(browser(path).GET());
    }

    public HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A JSON GET with the API token. */
    public JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(script(path).GET());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Submits a generation with the API token. */
    public HttpResponse<String> submit(String body) throws IOException, InterruptedException {
        return submit(body, null);
    }

    public HttpResponse<String> submit(String body, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = script("/api/v1/generations").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /** Submits a generation from the browser session, with the CSRF header. */
    public HttpResponse<String> submitAsBrowser(String body) throws IOException, InterruptedException {
        return send(browser("/api/v1/generations").header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf()).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return send(script(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(script(path).DELETE());
    }

    public HttpResponse<String> scriptGet(String path) throws IOException, InterruptedException {
        return send(script(path).GET());
    }

    /** Uploads {@code content} as the multipart part {@code file}. */
    public HttpResponse<String> upload(String fileName, String contentType, byte[] content)
            throws IOException, InterruptedException {
        Multipart form = new Multipart().file("file", fileName, contentType, content);
        return send(script("/api/v1/uploads").header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())));
    }

    /** Posts an HTML multipart form with the session cookie (as a browser without scripts would). */
    public HttpResponse<String> postForm(String path, Multipart form) throws IOException, InterruptedException {
        return send(browser(path).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())));
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode parse(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** A multipart/form-data body. */
    public static final class Multipart {
        private final String boundary = "----atelier" + UUID.randomUUID().toString().replace("-", "");
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        public Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n");
            return this;
        }

        public Multipart fields(Map<String, String> fields) {
            fields.forEach(this::field);
            return this;
        }

        public Multipart file(String name, String fileName, String contentType, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
            body.writeBytes(content);
            write("\r\n");
            return this;
        }

        public String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        public byte[] body() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(body.toByteArray());
            copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return copy.toByteArray();
        }

        private void write(String text) {
            body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
