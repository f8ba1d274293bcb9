package dev.atelier.web.site;

import dev.atelier.accounts.Accounts;
import dev.atelier.accounts.ApiTokens;
import dev.atelier.accounts.Consents;
import dev.atelier.accounts.ExternalSignIns;
import dev.atelier.accounts.PasswordHasher;
import dev.atelier.accounts.PasswordPolicy;
import dev.atelier.accounts.PersonalData;
import dev.atelier.accounts.Sessions;
import dev.atelier.accounts.SignUp;
import dev.atelier.accounts.SignedInUsers;
import dev.atelier.accounts.TenantAdmins;
import dev.atelier.core.db.Database;
import dev.atelier.core.db.DatabaseSettings;
import dev.atelier.core.deployments.DeploymentHistory;
import dev.atelier.core.mail.MailOutbox;
import dev.atelier.accounts.operators.OperatorTokens;
import dev.atelier.core.ratelimit.InProcessRateLimiter;
import dev.atelier.core.ratelimit.RateLimits;
import dev.atelier.core.secrets.SecretBox;
import dev.atelier.core.tenants.Branding;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.core.tenants.TenantStatus;
import dev.atelier.core.tenants.TenantScope;
import dev.atelier.plugins.ModelRegistry;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgres;
import dev.atelier.web.StartPageResource;
import dev.atelier.web.WebServer;
import dev.atelier.web.auth.AccountServices;
import dev.atelier.web.auth.Cookies;
import dev.atelier.web.auth.GoogleProvider;
import dev.atelier.web.health.HealthResource;
import dev.atelier.web.health.ReadinessChecks;
import dev.atelier.web.internal.JsonMapperProvider;
import dev.atelier.web.models.ModelListCache;
import dev.atelier.web.models.ModelsResource;
import dev.atelier.web.operator.OperatorDeploymentsResource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * A real Jetty serving tenant sites from in-memory tenants, with real account services on a fresh PostgreSQL
 * database, and an HTTP client that picks the Host header and may send a session cookie.
 */
public final class SiteHarness implements AutoCloseable {

    /** The password of every account the harness signs in; strong enough for the password policy. */
    public static final String PASSWORD = "violet tram harbour 1987 kettle";

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\"\\s+value=\"([^\"]+)\"");

    static final Branding.Colors COLORS =
            new Branding.Colors("#112233", "#ffffff", "#22d3ee", "#0b0a12", "#16142a", "#ece9ff", "#9a94c4");

    final InMemoryTenants tenants = new InMemoryTenants();
    final SiteFeature sites;
    public final AccountServices accounts;
    private final TestDatabase testDatabase;
    private final Database database;
    private final WebServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public SiteHarness() throws Exception {
        this(testThemes());
    }

    SiteHarness(Path themes) throws Exception {
        testDatabase = TestPostgres.create();
        database = Database.start(DatabaseSettings.external(testDatabase.url(), testDatabase.user(),
                testDatabase.password(), 4));
        tenants.onNewTenant(this::insertTenantRow);
        accounts = accountServices(database, tenants);
        ModelRegistry models = new FixedModels();
        sites = new SiteFeature(new SiteSetup(tenants, tenants, tenants, themes, "operator.localhost"));
        ResourceConfig config = WebServer.base();
        config.register(HealthResource.class);
        config.register(StartPageResource.class);
        config.register(ModelsResource.class);
        config.register(OperatorDeploymentsResource.class);
        sites.registerIn(config, new DeployedPlugins() {
            @Override
            public ModelRegistry models() {
                return models;
            }

            @Override
            public boolean serves(dev.atelier.plugins.PluginKind<?, ?> kind, String pluginId) {
                return false; // these tests deploy no storage plugin
            }
        }, accounts);
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(models).to(ModelRegistry.class);
                bind(new ReadinessChecks(List.of())).to(ReadinessChecks.class);
                bind(new ModelListCache(JsonMapperProvider.create())).to(ModelListCache.class);
                bind(new DeploymentHistory(database.entityManagerFactory())).to(DeploymentHistory.class);
            }
        });
        server = new WebServer(new WebServer.Settings("127.0.0.1", 0), config, sites.cachedPages());
        server.start();
    }

    // Wired as the launcher wires them, with Argon2 parameters cheap enough for tests.
    private static AccountServices accountServices(Database database, InMemoryTenants tenants) {
        Clock clock = Clock.systemUTC();
        TenantScope scope = new TenantScope(database.entityManagerFactory());
        Accounts accounts = new Accounts(scope, PasswordPolicy.withShippedList(), new PasswordHasher(1024, 1, 1),
                clock);
        Sessions sessions = new Sessions(scope, clock, Duration.ofHours(1), Duration.ofDays(1));
        ApiTokens apiTokens = new ApiTokens(scope, clock);
        ExternalSignIns external = new ExternalSignIns(scope, clock);
        Consents consents = new Consents(scope, clock);
        PersonalData personalData = new PersonalData(scope, accounts, external, sessions, apiTokens, consents,
                List.of());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        TenantAdmins admins = new TenantAdmins(scope, tenants, clock);
        return new AccountServices(accounts, sessions, new SignedInUsers(scope, sessions, admins, clock), apiTokens,
                external, admins, consents, personalData, new OperatorTokens(database.entityManagerFactory(), clock),
                new MailOutbox(database.dataSource()), new InProcessRateLimiter(RateLimits.defaults()),
                new SecretBox(key), new GoogleProvider(URI.create("https://accounts.google.com")), new Cookies(false));
    }

    // Account rows reference tenant(id): each in-memory tenant gets a minimal row.
    private void insertTenantRow(Tenant tenant) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO tenant (id, slug, display_name,"
                        + " status, document, secrets, created_at, updated_at) VALUES (?, ?, ?, ?, '{}', '{}', now(),"
                        + " now()) ON CONFLICT DO NOTHING")) {
            insert.setString(1, tenant.id());
            insert.setString(2, tenant.slug());
            insert.setString(3, tenant.displayName());
            insert.setString(4, tenant.status().name());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot add tenant " + tenant.id() + " to the test database", e);
        }
    }

    /**
     * Signs up {@code email} in the tenant with {@link #PASSWORD}, verifies it, makes it an admin if asked, and starts
     * a session; returns the {@code Cookie} header value that carries it.
     */
    public String signIn(Tenant tenant, String email, boolean admin) {
        SignUp signUp = accounts.accounts().signUp(tenant.id(), email, PASSWORD, "Test " + tenant.slug());
        accounts.accounts().verifyEmail(tenant.id(), signUp.verificationToken()).orElseThrow();
        if (admin) {
            accounts.admins().grant(tenant.id(), email);
        }
        return Cookies.SESSION + "=" + accounts.sessions().start(tenant.id(), signUp.account().id(), "tests",
                "127.0.0.1").cookieValue();
    }

    /** A new admin of the tenant, signed in; returns the {@code Cookie} header value. */
    public String signInAsAdmin(Tenant tenant) {
        return signIn(tenant, "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@" + tenant.slug() + ".test",
                true);
    }

    /** A new user of the tenant who is no admin, signed in; returns the {@code Cookie} header value. */
    public String signInAsUser(Tenant tenant) {
        return signIn(tenant, "user-" + UUID.randomUUID().toString().substring(0, 8) + "@" + tenant.slug() + ".test",
                false);
    }

    /** The session secret inside a {@code Cookie} header value made by {@link #signIn}. */
    public static String sessionValue(String cookie) {
        return cookie.substring(cookie.indexOf('=') + 1);
    }

    /** The CSRF token in the forms of the page at {@code path}, as the holder of {@code cookie} gets it. */
    public String csrfToken(String host, String path, String cookie) throws IOException, InterruptedException {
        HttpResponse<String> page = get(host, path, cookie);
        return csrfToken(page.body()).orElseThrow(() -> new AssertionError(
                "No csrf field in " + path + " (status " + page.statusCode() + "): " + page.body()));
    }

    /** The value of the first {@code name="csrf"} field of an HTML page. */
    public static java.util.Optional<String> csrfToken(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    static Path testThemes() throws URISyntaxException {
        return Path.of(SiteHarness.class.getResource("/site/themes").toURI());
    }

    /** Adds a tenant to the sites (and its row to the database). */
    public void add(Tenant tenant) {
        tenants.put(tenant);
    }

    /** The tenant with this id as the sites see it now. */
    public Tenant current(String tenantId) {
        return tenants.get(tenantId);
    }

    public static Tenant tenant(String slug, String name, String theme, String primary, String logoAssetId,
            TenantStatus status, String... hosts) {
        Branding.Colors colors = new Branding.Colors(primary, COLORS.onPrimary(), COLORS.accent(),
                COLORS.background(), COLORS.surface(), COLORS.text(), COLORS.muted());
        Branding branding = new Branding(theme, name + " makes pictures", colors,
                new Branding.Fonts("'Space Grotesk', sans-serif", "system-ui, sans-serif"), logoAssetId, null);
        TenantSettings settings = new TenantSettings(
                List.of(new TenantSettings.ModelOffer("procedural", 2), new TenantSettings.ModelOffer("gone", 5)),
                List.of(new TenantSettings.Plan("creator", "Creator", 1200, "USD", "month", 600,
                                List.of("600 credits a month"), true),
                        new TenantSettings.Plan("topup", "200 credits", 499, "EUR", null, 200, List.of(), false)),
                new TenantSettings.PluginChoice("sandbox", Map.of()),
                new TenantSettings.PluginChoice("local", Map.of()),
                new TenantSettings.SignIn(true, Map.of()), null,
                new TenantSettings.LegalFacts(name + " Ltd", "1 Street", "privacy@" + slug + ".test", "England"),
                List.of(), TenantSettings.Credits.DEFAULTS);
        return new Tenant("tnt_" + slug + "_" + UUID.randomUUID().toString().substring(0, 8), slug, name, status,
                "support@" + slug + ".test", List.of(hosts), branding, settings, Instant.parse("2026-01-01T00:00:00Z"));
    }

    public HttpResponse<String> get(String host, String path) throws IOException, InterruptedException {
        return http.send(request(host, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET sending {@code cookie} (a {@code Cookie} header value; none when null). */
    public HttpResponse<String> get(String host, String path, String cookie) throws IOException, InterruptedException {
        return http.send(request(host, path, cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with extra request headers, name and value alternating. */
    public HttpResponse<String> getWithHeaders(String host, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(host, path);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts {@code application/x-www-form-urlencoded} {@code fields}, sending {@code cookie} unless null. */
    public HttpResponse<String> postUrlEncoded(String host, String path, String cookie, Map<String, String> fields)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(java.net.URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        return http.send(request(host, path, cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String host, String path) throws IOException, InterruptedException {
        return http.send(request(host, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts {@code multipart/form-data} without a cookie; {@code logo} may be null. */
    public HttpResponse<String> postForm(String host, String path, Map<String, String> fields, byte[] logo)
            throws IOException, InterruptedException {
        return postForm(host, path, null, fields, logo);
    }

    /** Posts {@code multipart/form-data}, sending {@code cookie} unless null; {@code logo} may be null. */
    public HttpResponse<String> postForm(String host, String path, String cookie, Map<String, String> fields,
            byte[] logo) throws IOException, InterruptedException {
        String boundary = "----atelier" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (logo != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"logo\"; "
                    + "filename=\"logo.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(logo);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(request(host, path, cookie)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String host, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).header("Host", host);
    }

    private HttpRequest.Builder request(String host, String path, String cookie) {
        HttpRequest.Builder request = request(host, path);
        return cookie == null ? request : request.header("Cookie", cookie);
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            try {
                database.close();
            } finally {
                testDatabase.close();
            }
        }
    }
}
