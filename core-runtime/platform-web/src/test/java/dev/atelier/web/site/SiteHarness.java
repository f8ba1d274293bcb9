package dev.atelier.web.site;

import dev.atelier.core.tenants.Branding;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.core.tenants.TenantStatus;
import dev.atelier.plugins.ModelRegistry;
import dev.atelier.web.StartPageResource;
import dev.atelier.web.WebServer;
import dev.atelier.web.health.HealthResource;
import dev.atelier.web.health.ReadinessChecks;
import dev.atelier.web.internal.JsonMapperProvider;
import dev.atelier.web.models.ModelListCache;
import dev.atelier.web.models.ModelsResource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;

/** A real Jetty serving tenant sites from in-memory tenants, and an HTTP client that picks the Host header. */
final class SiteHarness implements AutoCloseable {

    static final Branding.Colors COLORS =
            new Branding.Colors("#112233", "#ffffff", "#22d3ee", "#0b0a12", "#16142a", "#ece9ff", "#9a94c4");

    final InMemoryTenants tenants = new InMemoryTenants();
    final SiteFeature sites;
    private final WebServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    SiteHarness() throws Exception {
        this(testThemes());
    }

    SiteHarness(Path themes) throws Exception {
        ModelRegistry models = new FixedModels();
        sites = new SiteFeature(new SiteSetup(tenants, tenants, tenants, themes, "operator.localhost"));
        ResourceConfig config = WebServer.base();
        config.register(HealthResource.class);
        config.register(StartPageResource.class);
        config.register(ModelsResource.class);
        sites.registerIn(config, new DeployedPlugins() {
            @Override
            public ModelRegistry models() {
                return models;
            }

            @Override
            public boolean hasService(String objectClass, String property, String value) {
                return false; // these tests deploy no payment or storage plugins
            }
        });
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(models).to(ModelRegistry.class);
                bind(new ReadinessChecks(List.of())).to(ReadinessChecks.class);
                bind(new ModelListCache(JsonMapperProvider.create())).to(ModelListCache.class);
            }
        });
        server = new WebServer(new WebServer.Settings("127.0.0.1", 0), config, sites.cachedPages());
        server.start();
    }

    static Path testThemes() throws URISyntaxException {
        return Path.of(SiteHarness.class.getResource("/site/themes").toURI());
    }

    static Tenant tenant(String slug, String name, String theme, String primary, String logoAssetId,
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
                List.of());
        return new Tenant("tnt_" + slug + "_" + UUID.randomUUID().toString().substring(0, 8), slug, name, status,
                "support@" + slug + ".test", List.of(hosts), branding, settings, Instant.parse("2026-01-01T00:00:00Z"));
    }

    HttpResponse<String> get(String host, String path) throws IOException, InterruptedException {
        return http.send(request(host, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String host, String path) throws IOException, InterruptedException {
        return http.send(request(host, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts {@code multipart/form-data}; {@code logo} may be null. */
    HttpResponse<String> postForm(String host, String path, Map<String, String> fields, byte[] logo)
            throws IOException, InterruptedException {
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
        return http.send(request(host, path)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String host, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).header("Host", host);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
