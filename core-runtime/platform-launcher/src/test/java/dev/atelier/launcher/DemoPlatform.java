package dev.atelier.launcher;

import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
        Path home = Files.createTempDirectory("atelier-demo");
        TestDatabase database = TestPostgres.create();
        PlatformFixture fixture = PlatformFixture.install(home, database.url(), database.user(), database.password())
                .withDemoTenants()
                // The test database is external, which would default to the production profile and its secrets.
                .set("atelier.profile", "local");
        Files.copy(PlatformFixture.PROCEDURAL_JAR, fixture.deployDir().resolve("model-procedural.jar"));
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
