package dev.atelier.launcher.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.launcher.Main;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgresExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code atelier tenants add-admin} against a real PostgreSQL database. */
@ExtendWith(TestPostgresExtension.class)
class TenantsAddAdminCommandTest {

    @TempDir
    Path home;

    private final Map<String, String> environment = new HashMap<>();
    private TestDatabase database;

    @BeforeEach
    void prepare(TestDatabase database) throws IOException {
        this.database = database;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        environment.put("ATELIER_DB_URL", database.url());
        environment.put("ATELIER_DB_USER", database.user());
        environment.put("ATELIER_DB_PASSWORD", database.password());
        environment.put("ATELIER_SECRETS_KEY", Base64.getEncoder().encodeToString(key));
        Path folder = home.resolve("tenant-configs/auratuner/tenant.yaml");
        Files.createDirectories(folder.getParent());
        Files.writeString(folder, """
                slug: auratuner
                name: AuraTuner
                support_email: help@auratuner.example
                """);
        Result apply = atelier("tenants", "apply", folder.getParent().toString());
        assertThat(apply.exitCode()).as(apply.err()).isZero();
    }

    @Test
    void grantsTheNormalizedEmailAndSaysWhenItTakesEffect() throws Exception {
        Result first = atelier("tenants", "add-admin", "auratuner", " Support@X.com ");
        Result again = atelier("tenants", "add-admin", "auratuner", "support@x.com");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out().strip()).isEqualTo(
                "support@x.com is now an admin of AuraTuner (takes effect once that email is verified)");
        assertThat(again.exitCode()).as(again.err()).isZero();
        try (var connection = java.sql.DriverManager.getConnection(database.url(), database.user(),
                database.password());
                var rows = connection.createStatement().executeQuery("SELECT email FROM tenant_admin")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("support@x.com");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void anUnknownTenantOrMalformedEmailFailsWithAReason() {
        Result unknown = atelier("tenants", "add-admin", "nobody", "support@x.com");
        Result malformed = atelier("tenants", "add-admin", "auratuner", "not an email");

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("No tenant \"nobody\"");
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err()).contains("email address");
    }

    private record Result(int exitCode, String out, String err) {}

    private Result atelier(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(2, "--home");
        all.add(3, home.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(String[]::new), environment, new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
