package dev.atelier.launcher.platform;

import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.atelier.config.AtelierConfig;
import dev.atelier.config.ConfigSources;
import dev.atelier.config.InvalidConfigurationException;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantFolders;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.launcher.Atelier;
import dev.atelier.testkit.TestDatabase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real platform for an end-to-end test: a fresh PostgreSQL database, the real Felix with the project's bundles,
 * tenant folders applied as an operator's would be (each tenant served on {@code <slug>.localhost}), Jetty on a free
 * loopback port, and optionally a mail server, a Google stand-in and WireMock. Made by {@link #builder()}.
 *
 * <p>Use it as a JUnit extension — a {@code static} field annotated {@code @RegisterExtension} starts once for the
 * class, an instance field once for each test — or start and close it yourself. It can be stopped and started again
 * on the same database and data folder, as a restarted node would be.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestPlatform platform = TestPlatform.builder()
 *         .defaultBundles()                                   // procedural model, local storage, payment sandbox
 *         .studio("north", "{id: procedural, credits: 1}", "") // a tenant folder, served on north.localhost
 *         .mail()                                             // GreenMail: platform.mail()
 *         .build();
 *
 * User maker = platform.user("north", 10);      // confirmed, signed in, 10 credits, an API token
 * Browser visitor = platform.browser("north");  // keeps cookies, submits forms with their CSRF token
 * }</pre>
 */
public final class TestPlatform
        implements AutoCloseable, BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    public static final String OPERATOR_HOST = "operator.localhost";

    private final TestPlatformBuilder spec;
    private final TestAccounts accounts = new TestAccounts(this);
    private OutsideServers outside;
    private TestDatabase database;
    private Installation installation;
    private Map<String, String> flags;
    private Atelier atelier;
    private boolean perClass;

    TestPlatform(TestPlatformBuilder spec) {
        this.spec = spec;
    }

    public static TestPlatformBuilder builder() {
        return new TestPlatformBuilder();
    }

    /** The platform as a newcomer starts it: the repository's demo tenants and the embedded default bundles. */
    public static TestPlatformBuilder demo() {
        return builder().demoTenants().defaultBundles();
    }

    /** The host a browser uses for the tenant's site. */
    public static String hostOf(String slug) {
        return slug + ".localhost";
    }

    /** One of the project's bundle jars, as the build copied it for tests ({@code model-procedural.jar}). */
    public static Path shippedBundle(String jarName) {
        return Installation.SHIPPED_BUNDLES.resolve(jarName);
    }

    /** The repository's themes folder, as the distribution ships it. */
    public static Path repositoryThemes() {
        return Installation.REPO_THEMES;
    }

    /**
     * Starts the platform: the first time on a fresh installation and database, afterwards again on the same ones.
     * Returns once every model the builder deployed is served.
     */
    public TestPlatform start() throws Exception {
        return start(spec.awaitedModels());
    }

    private synchronized TestPlatform start(List<String> models) throws Exception {
        if (atelier != null) {
            return this;
        }
        if (installation == null) {
            install();
        }
        atelier = Atelier.start(config(flags));
        await().atMost(Duration.ofSeconds(20)).until(() -> models.stream()
                .allMatch(id -> atelier.plugins().models().find(id).isPresent()));
        return this;
    }

    /** Starts the platform again on this database and data folder, with some settings changed. */
    public TestPlatform restart(Map<String, String> changed) throws Exception {
        return restart(changed, spec.awaitedModels());
    }

    /** Like {@link #restart(Map)}, waiting only for {@code models} (the others may have been removed). */
    public TestPlatform restart(Map<String, String> changed, List<String> models) throws Exception {
        stop();
        flags.putAll(changed);
        return start(models);
    }

    /**
     * Starts another node beside this one: same database, secrets and deploy folder, its own data folder and port,
     * with some settings changed (for example no workers). The caller closes it.
     */
    public Atelier startAnotherNode(String name, Map<String, String> changed) throws Exception {
        Map<String, String> nodeFlags = new HashMap<>(flags);
        nodeFlags.put("atelier.data-dir", home().resolve("data-" + name).toString());
        nodeFlags.putAll(changed);
        return Atelier.start(config(nodeFlags));
    }

    /** Stops the platform while its jobs may be running, as a node being shut down would; data stays. */
    public synchronized void stop() {
        if (atelier != null) {
            atelier.close();
            atelier = null;
        }
    }

    /** Stops the platform and removes its database, folder and outside servers. */
    @Override
    public synchronized void close() {
        try {
            stop();
        } finally {
            if (outside != null) {
                outside.stop();
            }
            if (database != null) {
                database.close();
            }
            if (installation != null) {
                installation.delete();
            }
            outside = null;
            database = null;
            installation = null;
        }
    }

    private void install() throws Exception {
        try {
            outside = OutsideServers.start(spec);
            database = spec.embeddedDatabase ? null : MigratedDatabases.create();
            installation = Installation.create(spec.themeFiles);
            if (spec.demoTenants) {
                installation.linkDemoTenants();
            }
            for (Map.Entry<String, String> tenant : spec.tenants.entrySet()) {
                installation.writeTenant(tenant.getKey(), outside.resolve(tenant.getValue()));
            }
            for (Map.Entry<String, byte[]> file : spec.tenantFiles.entrySet()) {
                installation.writeTenantFile(file.getKey(), file.getValue());
            }
            installation.deployShipped(spec.shippedBundles.keySet());
            installation.deployTestModels(spec.testModelBundles);
            flags = flags();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private Map<String, String> flags() {
        Map<String, String> flags = new HashMap<>(Map.of(
                "atelier.http.host", "127.0.0.1",
                "atelier.http.port", "0",
                // An external database would default to the production profile and its secrets.
                "atelier.profile", "local",
                "atelier.plugins.poll-interval", "50ms",
                "atelier.plugins.drain-timeout", "5s",
                // Running jobs go back to the queue at once when a test stops the platform; drain tests set it.
                "atelier.generation.drain-time", "0s"));
        if (database != null) {
            flags.put("atelier.db.url", database.url());
            flags.put("atelier.db.user", database.user());
            flags.put("atelier.db.password", Objects.requireNonNullElse(database.password(), ""));
            // An external database needs an explicit secrets key (every node must share it).
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            flags.put("atelier.secrets.key", Base64.getEncoder().encodeToString(key));
        }
        flags.putAll(outside.settings());
        flags.putAll(spec.settings);
        return flags;
    }

    private AtelierConfig config(Map<String, String> flags) throws InvalidConfigurationException {
        return AtelierConfig.load(new ConfigSources(home(), home().resolve("conf/atelier.properties"), Map.of(),
                flags));
    }

    public Atelier atelier() {
        return atelier;
    }

    public int port() {
        return atelier.port();
    }

    public Path home() {
        return installation.home();
    }

    public Path deployDir() {
        return installation.deployDir();
    }

    public Path storageDir() {
        return home().resolve("data/storage");
    }

    /** Every regular file under the storage folder (outputs, thumbnails, uploads). */
    public List<Path> storedFiles() throws IOException {
        if (!Files.exists(storageDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(storageDir())) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** The platform's secrets key, to sign media links as another (earlier) moment would have. */
    public String secretsKey() {
        return flags.get("atelier.secrets.key");
    }

    /**
     * The options that point a command ({@code atelier legal check}) at this installation and its database, as an
     * operator's shell on the same machine would: {@code --home} and a {@code --set} for each setting it started with.
     */
    public List<String> commandOptions() {
        return optionsOf(flags);
    }

    /**
     * The options of {@code atelier start} for another node in its own process, as {@link #startAnotherNode} would
     * start it in this one: same database, secrets and deploy folder, its own data folder, some settings changed.
     */
    public List<String> anotherNodeOptions(String name, Map<String, String> changed) {
        Map<String, String> nodeFlags = new HashMap<>(flags);
        nodeFlags.put("atelier.data-dir", home().resolve("data-" + name).toString());
        nodeFlags.putAll(changed);
        return optionsOf(nodeFlags);
    }

    private List<String> optionsOf(Map<String, String> settings) {
        List<String> options = new ArrayList<>(List.of("--home", home().toString()));
        settings.forEach((key, value) -> {
            options.add("--set");
            options.add(key + "=" + value);
        });
        return options;
    }

    /** Copies a jar into the deploy folder the way an operator would: written beside it, then moved in at once. */
    public void drop(Path jar, String fileName) throws IOException {
        installation.drop(jar, fileName);
    }

    public Tenant tenant(String slug) {
        return atelier.tenants().directory().bySlug(slug)
                .orElseThrow(() -> new IllegalStateException("no tenant " + slug + " was applied"));
    }

    public String tenantId(String slug) {
        return tenant(slug).id();
    }

    /**
     * Adds {@code offer} to the models the tenant {@code slug} offers, with its plugin settings, as an operator who
     * edited the tenant's folder would; tenant admins cannot set plugin settings.
     */
    public void offerModel(String slug, TenantSettings.ModelOffer offer) {
        Tenant tenant = tenant(slug);
        List<TenantSettings.ModelOffer> offers = new ArrayList<>(tenant.settings().models());
        offers.add(offer);
        atelier.tenants().admin().updateModels(slug, offers, tenant.settings().credits());
    }

    /**
     * Writes a file of the tenant folder {@code slug} while the platform runs and applies the folders again, as an
     * operator who edits a folder and runs {@code atelier tenants apply} would.
     */
    public void changeTenantFile(String slug, String path, String content) throws IOException {
        installation.writeTenantFile(slug + "/" + path, content.getBytes(StandardCharsets.UTF_8));
        applyTenantFolders();
    }

    /**
     * Applies the tenant folders again, as {@code atelier tenants apply} does: each tenant is as its folder says, and
     * changes made in the admin area since are undone.
     */
    public void applyTenantFolders() {
        atelier.tenants().folders().apply(TenantFolders.discover(home().resolve("tenant-configs")),
                flags.get("atelier.profile"));
    }

    /** The demo tenant that is not AuraTuner (needs {@link TestPlatformBuilder#demoTenants()}). */
    public String secondDemoTenant() {
        try (Stream<Path> folders = Files.list(Installation.REPO_TENANT_CONFIGS)) {
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

    /** Accounts made directly (skipping the forms): users with credits, admins, confirmed emails. */
    public TestAccounts accounts() {
        return accounts;
    }

    /** A new user of {@code slug}: confirmed, signed in, holding {@code credits} granted credits. */
    public User user(String slug, long credits) {
        return accounts.user(slug, credits);
    }

    /** The credit balance of {@code user}. */
    public long balance(User user) {
        return accounts.balance(user);
    }

    /** The ledger entries of {@code jobId}, oldest first, as kinds. */
    public List<LedgerEntry.Kind> ledgerKinds(User user, String jobId) {
        return accounts.ledgerKinds(user, jobId);
    }

    /** A fresh browser (no cookies) on the tenant's site. */
    public Browser browser(String slug) {
        return browserOnHost(hostOf(slug));
    }

    /** A fresh browser (no cookies) on any host, such as the operator host or {@code 127.0.0.1}. */
    public Browser browserOnHost(String host) {
        return new Browser(this::port, host);
    }

    /** A script on the bare address that calls the operator API with an operator token, as an operator's would. */
    public Browser operator() {
        return browserOnHost("127.0.0.1").always("Authorization", "Bearer " + accounts.operatorToken());
    }

    /** Like {@link #operator()}, on another node started with {@link #startAnotherNode}. */
    public Browser operatorOn(Atelier node) {
        return new Browser(node::port, "127.0.0.1").always("Authorization", "Bearer " + accounts.operatorToken());
    }

    public HttpResponse<String> get(String host, String path) throws IOException, InterruptedException {
        return browserOnHost(host).get(path);
    }

    /** A GET on {@code host} by the browser holding the session cookie {@code session}. */
    public HttpResponse<String> get(String host, String path, String session)
            throws IOException, InterruptedException {
        return browserOnHost(host).signedIn(session).get(path);
    }

    public HttpResponse<byte[]> getBytes(String host, String path) throws IOException, InterruptedException {
        return browserOnHost(host).getBytes(path);
    }

    /** The mail server (needs {@link TestPlatformBuilder#mail()}). */
    public Mailbox mail() {
        return Objects.requireNonNull(outside.mail, "the builder was not asked for mail()");
    }

    /** The OpenID provider standing in for Google (needs {@link TestPlatformBuilder#google()}). */
    public MockOAuth2Server google() {
        return Objects.requireNonNull(outside.google, "the builder was not asked for google()");
    }

    /** The issuer id under which {@link #google()} signs its tokens. */
    public static String googleIssuerId() {
        return OutsideServers.GOOGLE_ISSUER_ID;
    }

    /** The stand-in for vendor APIs (needs {@link TestPlatformBuilder#wireMock()}). */
    public WireMockServer wireMock() {
        return Objects.requireNonNull(outside.wireMock, "the builder was not asked for wireMock()");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            close();
        }
    }
}
