package dev.atelier.launcher.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.core.secrets.SecretBox;
import dev.atelier.launcher.Main;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgresExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atelier tenants apply | list | export}, and {@code atelier secrets rotate} of what they store, end to end
 * against a real PostgreSQL database.
 */
@ExtendWith(TestPostgresExtension.class)
class TenantsCommandTest {

    private static final String STRIPE_SECRET = "sk_live_cli_test_secret";

    @TempDir
    Path home;

    private final Map<String, String> environment = new HashMap<>();
    private Path configs;
    private TestDatabase database;

    @BeforeEach
    void prepare(TestDatabase database) throws IOException {
        this.database = database;
        environment.put("ATELIER_DB_URL", database.url());
        environment.put("ATELIER_DB_USER", database.user());
        environment.put("ATELIER_DB_PASSWORD", database.password());
        environment.put("ATELIER_SECRETS_KEY", newKey());
        environment.put("NOVA_STRIPE_SECRET", STRIPE_SECRET);
        configs = home.resolve("tenant-configs");
        write(configs.resolve("nova/tenant.yaml"), """
                slug: nova
                name: Nova Pictures
                support_email: help@nova.example
                hosts: [nova.example]
                branding: {theme: default, logo: assets/logo.svg, colors: {primary: "#ff5500"}}
                payment: {plugin: stripe, config: {secret_key: "${NOVA_STRIPE_SECRET}"}}
                """);
        write(configs.resolve("nova/tenant.local.yaml"), "payment: {plugin: sandbox}\n");
        write(configs.resolve("nova/assets/logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        write(configs.resolve("quill/tenant.yaml"), """
                slug: quill
                name: Quill
                status: suspended
                support_email: hi@quill.example
                """);
    }

    @Test
    void applyCreatesEveryTenantOfAFolderOfFoldersAndAgainChangesNothing() {
        Result first = atelier("tenants", "apply", configs.toString());
        Result second = atelier("tenants", "apply", configs.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("nova: created", "quill: created",
                "Applied 2 tenant folder(s) with profile production: 2 created, 0 updated, 0 unchanged.");
        assertThat(second.out()).contains("nova: unchanged", "quill: unchanged", "0 created, 0 updated, 2 unchanged.");
    }

    @Test
    void listShowsSlugNameStatusAndHosts() {
        atelier("tenants", "apply", configs.resolve("nova").toString(), configs.resolve("quill").toString());

        Result list = atelier("tenants", "list", "--set", "atelier.base-domain=atelier.test");

        assertThat(list.exitCode()).as(list.err()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines.get(0)).startsWith("SLUG").contains("NAME", "STATUS", "HOSTS");
        assertThat(lines.get(1)).startsWith("nova").contains("Nova Pictures", "active", "nova.example",
                "nova.localhost");
        assertThat(lines.get(2)).startsWith("quill").contains("Quill", "suspended", "quill.localhost");
    }

    @Test
    void exportWritesAFolderThatAppliesBackUnchanged() throws IOException {
        atelier("tenants", "apply", "--set", "atelier.profile=production", configs.toString());
        Path exported = home.resolve("exported/nova");

        Result export = atelier("tenants", "export", "nova", "--to", exported.toString());
        Result reapply = atelier("tenants", "apply", "--set", "atelier.profile=production", exported.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("Exported nova to " + exported);
        String yaml = Files.readString(exported.resolve("tenant.yaml"));
        assertThat(yaml).contains("${NOVA_STRIPE_SECRET}", "#ff5500").doesNotContain(STRIPE_SECRET);
        assertThat(exported.resolve("assets/logo.svg")).exists();
        assertThat(reapply.out()).contains("nova: unchanged");
    }

    @Test
    void invalidFolderListsEveryProblemAndChangesNothing() throws IOException {
        write(configs.resolve("quill/tenant.yaml"), """
                slug: quill
                name: Quill
                support_email: hi@quill.example
                hosts: [nova.example]
                colour: blue
                """);
        environment.remove("NOVA_STRIPE_SECRET");

        Result apply = atelier("tenants", "apply", "--set", "atelier.profile=production", configs.toString());
        Result list = atelier("tenants", "list");

        assertThat(apply.exitCode()).isEqualTo(2);
        assertThat(apply.err()).contains(
                "nova/tenant.yaml:payment.config.secret_key: environment variable NOVA_STRIPE_SECRET is not set",
                "quill/tenant.yaml:colour: unknown key",
                "quill/tenant.yaml:hosts[0]: host nova.example is also used by tenant nova");
        assertThat(list.out()).contains("No tenants.");
    }

    @Test
    void aKeyWrittenTwiceIsRefusedWithTheFileTheKeyAndBothLines() throws IOException {
        write(configs.resolve("quill/tenant.yaml"), """
                slug: quill
                name: Quill
                support_email: hi@quill.example
                name: Someone Else
                """);

        Result apply = atelier("tenants", "apply", configs.toString());
        Result list = atelier("tenants", "list");

        assertThat(apply.exitCode()).isEqualTo(2);
        assertThat(apply.err()).contains(
                "quill/tenant.yaml:name: is written twice in the same map, at lines 2 and 4; keep one of them");
        assertThat(list.out()).contains("No tenants.");
    }

    @Test
    void aVendorUrlOnAPrivateAddressIsRefusedNamingTheFieldUnlessTheOperatorAllowsIt() throws IOException {
        write(configs.resolve("quill/tenant.yaml"), """
                slug: quill
                name: Quill
                support_email: hi@quill.example
                models: [{id: replicate-image, config: {base_url: "https://192.168.0.10:8443", api_token: r8_x}}]
                """);

        Result refused = atelier("tenants", "apply", configs.resolve("quill").toString());
        Result allowed = atelier("tenants", "apply", "--set", "atelier.plugins.allow-private-addresses=true",
                configs.resolve("quill").toString());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("quill/tenant.yaml:models[0].config.base_url: points at 192.168.0.10, a"
                + " loopback, private or link-local address");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("quill: created");
    }

    @Test
    void exportOfAnUnknownTenantSaysSo() {
        Result export = atelier("tenants", "export", "nobody", "--to", home.resolve("x").toString());

        assertThat(export.exitCode()).isEqualTo(1);
        assertThat(export.err()).contains("No tenant \"nobody\"");
    }

    @Test
    void anExternalDatabaseWithoutASecretsKeyIsRefused() {
        environment.remove("ATELIER_SECRETS_KEY");

        Result apply = atelier("tenants", "apply", configs.toString());

        assertThat(apply.exitCode()).isEqualTo(2);
        assertThat(apply.err()).contains("atelier.secrets.key (ATELIER_SECRETS_KEY) must be set");
    }

    @Test
    void secretsRotateSealsEveryStoredSecretWithTheNewKeySoTheOldOneCanBeRemoved() throws Exception {
        atelier("tenants", "apply", configs.toString());
        String oldKey = environment.get("ATELIER_SECRETS_KEY");
        String newKey = newKey();
        String newKeyId = SecretBox.fromBase64(newKey).keyId();
        environment.put("ATELIER_SECRETS_KEY", newKey);
        environment.put("ATELIER_SECRETS_PREVIOUS_KEYS", oldKey);

        Result rotate = atelier("secrets", "rotate");
        Result again = atelier("secrets", "rotate");
        environment.remove("ATELIER_SECRETS_PREVIOUS_KEYS");
        Result listWithoutTheOldKey = atelier("tenants", "list");

        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        assertThat(rotate.out()).contains("Re-sealed 1 secret(s) of 2 tenant(s) with key id " + newKeyId
                + "; 0 were already sealed with it.");
        assertThat(again.out()).contains("Re-sealed 0 secret(s) of 2 tenant(s) with key id " + newKeyId
                + "; 1 were already sealed with it.");
        assertThat(listWithoutTheOldKey.exitCode()).as(listWithoutTheOldKey.err()).isZero();
        assertThat(storedStripeSecret(SecretBox.fromBase64(newKey))).isEqualTo(STRIPE_SECRET);
    }

    @Test
    void aSecretSealedWithAKeyNoLongerConfiguredIsNamedByItsKeyIdAndNothingChanges() throws Exception {
        atelier("tenants", "apply", configs.toString());
        SecretBox oldKey = SecretBox.fromBase64(environment.get("ATELIER_SECRETS_KEY"));
        environment.put("ATELIER_SECRETS_KEY", newKey());

        Result rotate = atelier("secrets", "rotate");

        assertThat(rotate.exitCode()).isEqualTo(1);
        assertThat(rotate.err()).contains("sealed with key id " + oldKey.keyId(), "atelier.secrets.previous-keys")
                .doesNotContain(STRIPE_SECRET);
        assertThat(storedStripeSecret(oldKey)).isEqualTo(STRIPE_SECRET);
    }

    private String storedStripeSecret(SecretBox key) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password());
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT id, secrets FROM tenant WHERE slug = 'nova'")) {
            row.next();
            String sealed = new ObjectMapper().readTree(row.getString("secrets")).get("NOVA_STRIPE_SECRET").asText();
            return key.open(sealed, row.getString("id") + "/NOVA_STRIPE_SECRET");
        }
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
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

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
