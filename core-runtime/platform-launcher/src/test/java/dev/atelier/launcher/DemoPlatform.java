package dev.atelier.launcher;

import dev.atelier.accounts.Account;
import dev.atelier.accounts.SignUp;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgres;
import dev.atelier.web.auth.AccountServices;
import dev.atelier.web.auth.Cookies;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The platform as a newcomer starts it: the repository's demo tenants and themes, the procedural model, a real
 * database. For tests outside this package (site, isolation).
 */
public final class DemoPlatform implements AutoCloseable {

    private final Path home;
    private final TestDatabase database;
    private final PlatformFixture fixture;

    private DemoPlatform(Path home, TestDatabase database, PlatformFixture fixture) {
        this.home = home;
        this.database = database;
        this.fixture = fixture;
    }

    public static DemoPlatform start() throws Exception {
        return start(Map.of());
    }

    /** Like {@link #start()}, with extra configuration keys (mail server, password hashing cost...). */
    public static DemoPlatform start(Map<String, String> settings) throws Exception {
        Path home = Files.createTempDirectory("atelier-demo");
        TestDatabase database = TestPostgres.create();
        PlatformFixture fixture = PlatformFixture.install(home, database.url(), database.user(), database.password())
                .withDemoTenants()
                // The test database is external, which would default to the production profile and its secrets.
                .set("atelier.profile", "local");
        settings.forEach(fixture::set);
        Files.copy(PlatformFixture.PROCEDURAL_JAR, fixture.deployDir().resolve("model-procedural.jar"));
        // Generated images are stored by the local storage bundle, as on the embedded defaults.
        Files.copy(PlatformFixture.PROCEDURAL_JAR.resolveSibling("storage-local.jar"),
                fixture.deployDir().resolve("storage-local.jar"));
        fixture.start();
        return new DemoPlatform(home, database, fixture);
    }

    public int port() {
        return fixture.atelier().port();
    }

    public Atelier atelier() {
        return fixture.atelier();
    }

    /** The demo tenant that is not AuraTuner. */
    public String secondTenantSlug() {
        try (Stream<Path> folders = Files.list(PlatformFixture.REPO_TENANT_CONFIGS)) {
            return folders.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(slug -> !slug.equals("auratuner"))
                    .sorted()
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("tenant-configs/ holds only auratuner"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public HttpResponse<String> get(String host, String path) throws IOException, InterruptedException {
        return fixture.get(host, path);
    }

    /** A GET on {@code host} by the browser holding the session cookie {@code session}. */
    public HttpResponse<String> get(String host, String path, String session)
            throws IOException, InterruptedException {
        return fixture.get(host, path, Map.of("Cookie", Cookies.SESSION + "=" + session));
    }

    /** The id of the tenant {@code slug}. */
    public String tenantId(String slug) {
        return atelier().tenants().directory().bySlug(slug)
                .orElseThrow(() -> new IllegalStateException("no tenant " + slug)).id();
    }

    /**
     * Signs up {@code email} on tenant {@code slug} (skipping the forms), confirms the address, makes it an admin of the
     * tenant and signs it in; returns the session cookie's value.
     */
    public String signedInAdmin(String slug, String email) {
        AccountServices accounts = atelier().accounts();
        String tenantId = tenantId(slug);
        Account account = accounts.accounts().findByEmail(tenantId, email).orElseGet(() -> {
            SignUp signUp = accounts.accounts().signUp(tenantId, email, "a long admin passphrase", "Admin");
            return accounts.accounts().verifyEmail(tenantId, signUp.verificationToken()).orElseThrow();
        });
        accounts.admins().grant(tenantId, email);
        return accounts.sessions().start(tenantId, account.id(), "test", "127.0.0.1").cookieValue();
    }

    public HttpResponse<byte[]> getBytes(String host, String path) throws IOException, InterruptedException {
        return fixture.getBytes(host, path);
    }

    @Override
    public void close() throws IOException {
        fixture.close();
        database.close();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
