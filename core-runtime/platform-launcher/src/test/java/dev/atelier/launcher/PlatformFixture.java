package dev.atelier.launcher;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.ConfigSources;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Boots the real platform for a test: a fresh installation folder (deploy/, system-bundles/), a real database, a free
 * port on loopback; and talks HTTP to it.
 */
final class PlatformFixture implements AutoCloseable {

    static final Path PROCEDURAL_JAR = Path.of("target/test-bundles/model-procedural.jar");
    /** The repository's own themes and demo tenants, which the distribution ships. */
    static final Path REPO_THEMES = Path.of("../../themes").toAbsolutePath().normalize();
    static final Path REPO_TENANT_CONFIGS = Path.of("../../tenant-configs").toAbsolutePath().normalize();
    private static final Path SYSTEM_BUNDLES = Path.of("target/system-bundles");

    private final Path home;
    private final Map<String, String> flags;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Atelier atelier;
    private String operatorToken;

    private PlatformFixture(Path home, Map<String, String> flags) {
        this.home = home;
        this.flags = flags;
    }

    /**
     * A fresh installation in {@code home}.
     *
     * @param databaseUrl JDBC URL of a test database, or {@code null} for the embedded database in home/data
     */
    static PlatformFixture install(Path home, String databaseUrl, String user, String password) throws IOException {
        Files.createDirectories(home.resolve("deploy"));
        Files.createDirectories(home.resolve("system-bundles"));
        Files.createSymbolicLink(home.resolve("themes"), REPO_THEMES);
        try (Stream<Path> bundles = Files.list(SYSTEM_BUNDLES)) {
            for (Path bundle : bundles.toList()) {
                Files.copy(bundle, home.resolve("system-bundles").resolve(bundle.getFileName()));
            }
        }
        Map<String, String> flags = new HashMap<>(Map.of(
                "atelier.http.host", "127.0.0.1",
                "atelier.http.port", "0",
                "atelier.plugins.poll-interval", "50ms",
                "atelier.plugins.drain-timeout", "5s"));
        if (databaseUrl != null) {
            flags.put("atelier.db.url", databaseUrl);
            flags.put("atelier.db.user", user);
            flags.put("atelier.db.password", password == null ? "" : password);
            // An external database needs an explicit secrets key (every node must share it).
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            flags.put("atelier.secrets.key", java.util.Base64.getEncoder().encodeToString(key));
        }
        return new PlatformFixture(home, flags);
    }

    /** Links the repository's demo tenant folders into the installation, as the distribution ships them. */
    PlatformFixture withDemoTenants() throws IOException {
        Files.createSymbolicLink(home.resolve("tenant-configs"), REPO_TENANT_CONFIGS);
        return this;
    }

    /** Sets one configuration key for the next start. */
    PlatformFixture set(String key, String value) {
        flags.put(key, value);
        return this;
    }

    PlatformFixture start() throws Exception {
        AtelierConfig config = AtelierConfig.load(new ConfigSources(home, home.resolve("conf/atelier.properties"),
                Map.of(), flags));
        atelier = Atelier.start(config);
        return this;
    }

    void stop() {
        operatorToken = null;
        if (atelier != null) {
            atelier.close();
            atelier = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    Atelier atelier() {
        return atelier;
    }

    Path deployDir() {
        return home.resolve("deploy");
    }

    /** Copies a jar into the deploy folder the way an operator would: written beside it, then moved in at once. */
    void drop(Path jar, String fileName) throws IOException {
        Path staging = Files.createTempFile(home, "staging", ".tmp");
        Files.copy(jar, staging, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staging, deployDir().resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + atelier.port() + path);
    }

    /**
     * An operator token to call the operator API with, created on first use (tokens live in the database, so one
     * survives a restart).
     */
    synchronized String operatorToken() {
        if (operatorToken == null) {
            operatorToken = atelier.accounts().operatorTokens().create("test").token();
        }
        return operatorToken;
    }

    /** A request on the bare address; calls of the operator API carry the operator token, as an operator's would. */
    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        if (path.startsWith("/api/v1/operator/")) {
            builder.header("Authorization", "Bearer " + operatorToken());
        }
        return builder;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET on the bare address with exactly the given headers (no operator token unless among them). */
    HttpResponse<String> getWithHeaders(String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as a browser on {@code host} would send it (the Host header picks the tenant). */
    HttpResponse<String> get(String host, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Host", host + ":" + atelier.port()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET on {@code host} with extra headers (a session cookie, for example). */
    HttpResponse<String> get(String host, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Host", host + ":" + atelier.port());
        headers.forEach(builder::header);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String host, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Host", host + ":" + atelier.port()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(request(path).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return http.send(request(path).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return http.send(request(path).timeout(Duration.ofSeconds(60)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static List<String> headerValues(HttpResponse<?> response, String name) {
        return response.headers().allValues(name);
    }
}
