package dev.atelier.launcher.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link TestPlatform} starts with: tenant folders, bundles, settings, and the outside services it talks to.
 * Every option is optional; with none, the platform runs on a fresh database with no tenants and no plugins.
 */
public final class TestPlatformBuilder {

    /** Where a tenant folder names the WireMock server's base URL (see {@link #wireMock()}). */
    public static final String WIREMOCK_URL = "{{wiremock}}";

    final Map<String, String> tenants = new LinkedHashMap<>();
    /** Further files of tenant folders (assets, templates), by path relative to {@code tenant-configs/}. */
    final Map<String, byte[]> tenantFiles = new LinkedHashMap<>();
    /** Files of themes, by path relative to {@code themes/}, added to the repository's themes or replacing theirs. */
    final Map<String, byte[]> themeFiles = new LinkedHashMap<>();
    final Map<String, List<String>> shippedBundles = new LinkedHashMap<>();
    final Map<String, List<String>> testModelBundles = new LinkedHashMap<>();
    final Map<String, String> settings = new HashMap<>();
    boolean demoTenants;
    boolean embeddedDatabase;
    boolean mail;
    boolean mailServerUp;
    boolean google;
    boolean wireMock;

    TestPlatformBuilder() {
        // Sign-ins in tests need not cost what they cost in production.
        settings.put("atelier.accounts.argon2.memory-kib", "1024");
        settings.put("atelier.accounts.argon2.iterations", "1");
        // Vendor APIs in tests are WireMock servers on loopback.
        settings.put("atelier.plugins.allow-private-addresses", "true");
    }

    /** A tenant folder whose {@code tenant.yaml} is {@code yaml}; the site is served on {@code <slug>.localhost}. */
    public TestPlatformBuilder tenant(String slug, String yaml) {
        tenants.put(slug, yaml);
        return this;
    }

    /** A further file of the tenant folder {@code slug}, such as {@code assets/logo.svg} or a template. */
    public TestPlatformBuilder tenantFile(String slug, String path, String content) {
        return tenantFile(slug, path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A further file of the tenant folder {@code slug}, such as a PNG logo. */
    public TestPlatformBuilder tenantFile(String slug, String path, byte[] content) {
        tenantFiles.put(slug + "/" + path, content.clone());
        return this;
    }

    /**
     * A file of the theme {@code theme} (a new one, or one of the repository's: its copy then has this file instead
     * of its own), such as {@code index.ftlh} or {@code error/500.ftlh}; the repository's themes stay as they are.
     */
    public TestPlatformBuilder themeFile(String theme, String path, String content) {
        themeFiles.put(theme + "/" + path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** A plain tenant folder for each slug: a name ({@code <slug> studio}), a support address, nothing else. */
    public TestPlatformBuilder tenants(String... slugs) {
        for (String slug : slugs) {
            tenant(slug, plainTenant(slug));
        }
        return this;
    }

    private static String plainTenant(String slug) {
        return """
                slug: %1$s
                name: %1$s studio
                support_email: help@%1$s.example
                """.formatted(slug);
    }

    /**
     * A tenant that makes pictures: local storage, {@code models} (a YAML flow list body, e.g.
     * {@code {id: procedural, credits: 1}}) and {@code extraYaml} appended to its {@code tenant.yaml}.
     */
    public TestPlatformBuilder studio(String slug, String models, String extraYaml) {
        return studio(slug, models, "storage: {plugin: local, config: {}}\n", extraYaml);
    }

    /**
     * Like {@link #studio(String, String, String)}, its files kept where {@code storageYaml} (a {@code storage:}
     * entry) says.
     */
    public TestPlatformBuilder studio(String slug, String models, String storageYaml, String extraYaml) {
        return tenant(slug, plainTenant(slug) + storageYaml + """
                models: [%s]
                %s
                """.formatted(models, extraYaml));
    }

    /** The repository's demo tenant folders (AuraTuner and one more), as the distribution ships them. */
    public TestPlatformBuilder demoTenants() {
        demoTenants = true;
        return this;
    }

    /**
     * One of the project's own bundles ({@code model-replicate.jar}) deployed before start; start waits until the
     * models {@code modelIds} are served.
     */
    public TestPlatformBuilder bundle(String jarName, String... modelIds) {
        shippedBundles.put(jarName, List.of(modelIds));
        return this;
    }

    /**
     * The embedded defaults: the procedural model (image and video), local storage, the payment sandbox, the
     * FreeMarker legal document renderer and Cloudflare Turnstile bot protection (used only by tenants that bind it).
     */
    public TestPlatformBuilder defaultBundles() {
        return bundle("model-procedural.jar", "procedural", "procedural-video").bundle("storage-local.jar")
                .bundle("payment-sandbox.jar").bundle("legal-freemarker.jar").bundle("bot-turnstile.jar");
    }

    /** A test bundle serving the {@link dev.atelier.launcher.testbundles.TestModel}s {@code modelIds}. */
    public TestPlatformBuilder testModels(String symbolicName, String... modelIds) {
        testModelBundles.put(symbolicName, List.of(modelIds));
        return this;
    }

    /** One configuration key, as {@code --set key=value} would give it. */
    public TestPlatformBuilder set(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** The platform's own embedded database in its data folder instead of a fresh test database. */
    public TestPlatformBuilder embeddedDatabase() {
        embeddedDatabase = true;
        return this;
    }

    /** Mail goes to a real SMTP server on loopback ({@link TestPlatform#mail()}), running from the start. */
    public TestPlatformBuilder mail() {
        mail = true;
        mailServerUp = true;
        return this;
    }

    /** Like {@link #mail()}, but the mail server is down until the test starts it. */
    public TestPlatformBuilder mailServerDown() {
        mail = true;
        mailServerUp = false;
        return this;
    }

    /** "Sign in with Google" talks to a local OpenID provider ({@link TestPlatform#google()}). */
    public TestPlatformBuilder google() {
        google = true;
        return this;
    }

    /**
     * A WireMock server standing in for vendor APIs ({@link TestPlatform#wireMock()}); tenant folders name its base
     * URL as {@link #WIREMOCK_URL}.
     */
    public TestPlatformBuilder wireMock() {
        wireMock = true;
        return this;
    }

    /** The model ids start waits for. */
    List<String> awaitedModels() {
        List<String> models = new ArrayList<>();
        shippedBundles.values().forEach(models::addAll);
        testModelBundles.values().forEach(models::addAll);
        return models;
    }

    /** The platform, not started yet: register it as a JUnit extension, or call {@link TestPlatform#start()}. */
    public TestPlatform build() {
        return new TestPlatform(this);
    }

    /** The platform, started. */
    public TestPlatform start() throws Exception {
        return build().start();
    }
}
