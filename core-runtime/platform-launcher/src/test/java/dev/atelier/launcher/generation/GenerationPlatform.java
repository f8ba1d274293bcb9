package dev.atelier.launcher.generation;

import static org.awaitility.Awaitility.await;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.ConfigSources;
import dev.atelier.accounts.Account;
import dev.atelier.accounts.SignUp;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.launcher.Atelier;
import dev.atelier.launcher.testbundles.TestModel;
import dev.atelier.launcher.testbundles.TestModelsActivator;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgres;
import dev.atelier.web.auth.AccountServices;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The real platform for generation tests: a real database, the procedural model and local storage deployed, test model
 * bundles built here ({@link TestModel}), and tenant folders written by the test, each served on
 * {@code <slug>.localhost}. It can be stopped and started again on the same database and data folder, as a second
 * node or a restarted one would.
 */
final class GenerationPlatform implements AutoCloseable {

    static final String PASSWORD = "velvet lantern orbit 91";
    private static final Path SYSTEM_BUNDLES = Path.of("target/system-bundles");
    private static final Path TEST_BUNDLES = Path.of("target/test-bundles");
    private static final Path REPO_THEMES = Path.of("../../themes").toAbsolutePath().normalize();

    private final Path home;
    private final TestDatabase database;
    private final Map<String, String> flags;
    private Atelier atelier;

    private GenerationPlatform(Path home, TestDatabase database, Map<String, String> flags) {
        this.home = home;
        this.database = database;
        this.flags = flags;
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private final Map<String, String> tenants = new LinkedHashMap<>();
        private final Map<String, String> settings = new HashMap<>();
        private final Map<String, List<String>> testBundles = new LinkedHashMap<>();
        private final Map<String, List<String>> shippedBundles = new LinkedHashMap<>();

        /** A tenant folder with {@code models} (a YAML flow list body, e.g. {@code {id: procedural, credits: 1}}). */
        Builder tenant(String slug, String models, String extraYaml) {
            tenants.put(slug, """
                    slug: %1$s
                    name: %1$s studio
                    support_email: help@%1$s.example
                    storage: {plugin: local, config: {}}
                    models: [%2$s]
                    %3$s
                    """.formatted(slug, models, extraYaml));
            return this;
        }

        Builder set(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /** One of the project's own bundles ({@code model-replicate.jar}) deployed too, serving {@code modelIds}. */
        Builder deploy(String jarName, String... modelIds) {
            shippedBundles.put(jarName, List.of(modelIds));
            return this;
        }

        /** A test bundle serving the {@link TestModel}s {@code modelIds}. */
        Builder testBundle(String symbolicName, String... modelIds) {
            testBundles.put(symbolicName, List.of(modelIds));
            return this;
        }

        GenerationPlatform start() throws Exception {
            Path home = Files.createTempDirectory("atelier-generation");
            TestDatabase database = TestPostgres.create();
            try {
                Files.createDirectories(home.resolve("deploy"));
                Files.createDirectories(home.resolve("system-bundles"));
                Files.createSymbolicLink(home.resolve("themes"), REPO_THEMES);
                try (Stream<Path> bundles = Files.list(SYSTEM_BUNDLES)) {
                    for (Path bundle : bundles.toList()) {
                        Files.copy(bundle, home.resolve("system-bundles").resolve(bundle.getFileName()));
                    }
                }
                Files.copy(TEST_BUNDLES.resolve("model-procedural.jar"), home.resolve("deploy/model-procedural.jar"));
                Files.copy(TEST_BUNDLES.resolve("storage-local.jar"), home.resolve("deploy/storage-local.jar"));
                for (String jar : shippedBundles.keySet()) {
                    Files.copy(TEST_BUNDLES.resolve(jar), home.resolve("deploy").resolve(jar));
                }
                for (Map.Entry<String, List<String>> bundle : testBundles.entrySet()) {
                    testModelBundle(home.resolve("deploy").resolve(bundle.getKey() + ".jar"), bundle.getKey(),
                            bundle.getValue());
                }
                for (Map.Entry<String, String> tenant : tenants.entrySet()) {
                    Path folder = home.resolve("tenant-configs").resolve(tenant.getKey());
                    Files.createDirectories(folder);
                    Files.writeString(folder.resolve("tenant.yaml"), tenant.getValue());
                }
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Map<String, String> flags = new HashMap<>(Map.of(
                        "atelier.http.host", "127.0.0.1",
                        "atelier.http.port", "0",
                        "atelier.profile", "local",
                        "atelier.db.url", database.url(),
                        "atelier.db.user", database.user(),
                        "atelier.db.password", database.password() == null ? "" : database.password(),
                        "atelier.secrets.key", Base64.getEncoder().encodeToString(key),
                        "atelier.plugins.poll-interval", "50ms",
                        "atelier.plugins.drain-timeout", "5s"));
                // The vendors' APIs are WireMock servers on loopback.
                flags.put("atelier.plugins.allow-private-addresses", "true");
                flags.put("atelier.accounts.argon2.memory-kib", "1024");
                flags.put("atelier.accounts.argon2.iterations", "1");
                flags.putAll(settings);
                GenerationPlatform platform = new GenerationPlatform(home, database, flags);
                List<String> models = new java.util.ArrayList<>(List.of("procedural", "procedural-video"));
                testBundles.values().forEach(models::addAll);
                shippedBundles.values().forEach(models::addAll);
                platform.startAgain(Map.of(), models);
                return platform;
            } catch (Exception | Error e) {
                database.close();
                deleteTree(home);
                throw e;
            }
        }
    }

    /** Starts the platform (again) on this database and data folder, with some settings changed. */
    void startAgain(Map<String, String> changed, List<String> awaitModels) throws Exception {
        flags.putAll(changed);
        AtelierConfig config = AtelierConfig.load(new ConfigSources(home, home.resolve("conf/atelier.properties"),
                Map.of(), flags));
        atelier = Atelier.start(config);
        await().atMost(Duration.ofSeconds(20)).until(() -> awaitModels.stream()
                .allMatch(id -> atelier.plugins().models().find(id).isPresent()));
    }

    /**
     * Starts another node beside this one: same database, secrets and deploy folder, its own data folder and port,
     * with some settings changed (for example no workers). The caller closes it.
     */
    Atelier startAnotherNode(String name, Map<String, String> changed) throws Exception {
        Map<String, String> nodeFlags = new HashMap<>(flags);
        nodeFlags.put("atelier.data-dir", home.resolve("data-" + name).toString());
        nodeFlags.putAll(changed);
        AtelierConfig config = AtelierConfig.load(new ConfigSources(home, home.resolve("conf/atelier.properties"),
                Map.of(), nodeFlags));
        return Atelier.start(config);
    }

    /** Stops the platform while its jobs may be running, as a node being shut down would. */
    void stop() {
        if (atelier != null) {
            atelier.close();
            atelier = null;
        }
    }

    Atelier atelier() {
        return atelier;
    }

    /** The platform's secrets key, to sign media links as another (earlier) moment would have. */
    String secretsKey() {
        return flags.get("atelier.secrets.key");
    }

    int port() {
        return atelier.port();
    }

    Path storageDir() {
        return home.resolve("data/storage");
    }

    Path deployDir() {
        return home.resolve("deploy");
    }

    /** Every regular file under the storage folder (outputs, thumbnails, uploads). */
    List<Path> storedFiles() throws IOException {
        if (!Files.exists(storageDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(storageDir())) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    String tenantId(String slug) {
        return atelier.tenants().directory().bySlug(slug)
                .orElseThrow(() -> new IllegalStateException("no tenant " + slug)).id();
    }

    /** A confirmed account on {@code slug}, signed in, holding {@code credits} granted credits. */
    User user(String slug, long credits) throws Exception {
        AccountServices accounts = atelier.accounts();
        String tenantId = tenantId(slug);
        String email = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        SignUp signUp = accounts.accounts().signUp(tenantId, email, PASSWORD, "Maker");
        Account account = accounts.accounts().verifyEmail(tenantId, signUp.verificationToken()).orElseThrow();
        if (credits > 0) {
            atelier.generation().ledger().grant(tenantId, account.id(), credits, "Test credits", null,
                    "test:" + UUID.randomUUID());
        }
        String session = accounts.sessions().start(tenantId, account.id(), "test", "127.0.0.1").cookieValue();
        String token = accounts.apiTokens().create(tenantId, account.id(), "tests").token();
        User user = new User(this, slug + ".localhost", tenantId, account.id(), session, token);
        return user;
    }

    long balance(User user) {
        return atelier.generation().ledger().balance(user.tenantId(), user.accountId());
    }

    /** The ledger entries of {@code jobId}, oldest first, as kinds. */
    List<LedgerEntry.Kind> ledgerKinds(User user, String jobId) {
        List<LedgerEntry> entries = new java.util.ArrayList<>(
                atelier.generation().ledger().entries(user.tenantId(), user.accountId()));
        java.util.Collections.reverse(entries);
        return entries.stream().filter(e -> jobId.equals(e.jobId())).map(LedgerEntry::kind).toList();
    }

    @Override
    public void close() throws IOException {
        try {
            stop();
        } finally {
            database.close();
            deleteTree(home);
        }
    }

    /** A bundle whose activator registers a {@link TestModel} for each of {@code modelIds}. */
    static Path testModelBundle(Path target, String symbolicName, List<String> modelIds) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", TestModelsActivator.class.getName());
        main.putValue("Import-Package", "dev.atelier.spi.model;version=\"[1.0,2)\",org.osgi.framework");
        main.putValue("Test-Models", String.join(",", modelIds));
        try (OutputStream file = Files.newOutputStream(target);
                JarOutputStream jar = new JarOutputStream(file, manifest)) {
            for (Class<?> type : List.of(TestModelsActivator.class, TestModel.class)) {
                String name = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(name));
                try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
        return target;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
