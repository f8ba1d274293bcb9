package dev.atelier.launcher.signin;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.ConfigSources;
import dev.atelier.accounts.Account;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.launcher.Atelier;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real platform on a real database with tenant folders written by the test, as an operator would write them:
 * each tenant is served on {@code <slug>.localhost}. Optionally points "Sign in with Google" at a local OpenID
 * provider.
 */
final class SignInPlatform implements AutoCloseable {

    static final String OPERATOR_HOST = "operator.localhost";
    private static final Path SYSTEM_BUNDLES = Path.of("target/system-bundles");
    private static final Path REPO_THEMES = Path.of("../../themes").toAbsolutePath().normalize();

    private final Path home;
    private final TestDatabase database;
    private final Atelier atelier;

    private SignInPlatform(Path home, TestDatabase database, Atelier atelier) {
        this.home = home;
        this.database = database;
        this.atelier = atelier;
    }

    /** Collects tenant folders, then starts the platform. */
    static Builder builder() {
        return new Builder();
    }

    static final class Builder {

        private final Map<String, String> tenants = new LinkedHashMap<>();
        private URI googleIssuer;

        /** A tenant folder whose {@code tenant.yaml} is {@code yaml}. */
        Builder tenant(String slug, String yaml) {
            tenants.put(slug, yaml);
            return this;
        }

        Builder googleIssuer(URI issuer) {
            this.googleIssuer = issuer;
            return this;
        }

        SignInPlatform start() throws Exception {
            Path home = Files.createTempDirectory("atelier-signin");
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
                if (googleIssuer != null) {
                    flags.put("atelier.accounts.google.issuer", googleIssuer.toString());
                }
                AtelierConfig config = AtelierConfig.load(new ConfigSources(home,
                        home.resolve("conf/atelier.properties"), Map.of(), flags));
                return new SignInPlatform(home, database, Atelier.start(config));
            } catch (Exception | Error e) {
                database.close();
                deleteTree(home);
                throw e;
            }
        }
    }

    int port() {
        return atelier.port();
    }

    Atelier atelier() {
        return atelier;
    }

    /** The host a browser uses for the tenant's site. */
    static String hostOf(String slug) {
        return slug + ".localhost";
    }

    Tenant tenant(String slug) {
        return atelier.tenants().directory().bySlug(slug)
                .orElseThrow(() -> new IllegalStateException("no tenant " + slug + " was applied"));
    }

    /** A fresh browser (no cookies) on the tenant's site. */
    Browser browserOn(String slug) {
        return new Browser(port(), hostOf(slug));
    }

    /** A fresh browser (no cookies) on any host, such as the operator host or {@code 127.0.0.1}. */
    Browser browserOnHost(String host) {
        return new Browser(port(), host);
    }

    java.util.Optional<Account> accountByEmail(String slug, String email) {
        return atelier.accounts().accounts().findByEmail(tenant(slug).id(), email);
    }

    /**
     * Confirms the email of the account {@code owner} is signed in to the way its owner does: by opening the link
     * mailed to them in that browser, which stays signed in (every other session of the account ends).
     */
    void confirmEmail(String slug, Browser owner) throws Exception {
        String accountId = owner.me().required("id").asText();
        String token = atelier.accounts().accounts().requestVerification(tenant(slug).id(), accountId)
                .orElseThrow(() -> new IllegalStateException("account " + accountId + " needs no confirmation"));
        int status = owner.get("/verify?token=" + token).statusCode();
        if (status != 200) {
            throw new IllegalStateException("confirming the email of " + accountId + " answered " + status);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            atelier.close();
        } finally {
            database.close();
            deleteTree(home);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
