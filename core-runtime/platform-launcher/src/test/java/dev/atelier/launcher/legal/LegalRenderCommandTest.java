package dev.atelier.launcher.legal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.launcher.Main;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.testkit.Folders;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atelier legal render}: a tenant's document printed from its folder and the deploy folder's plugins, with no
 * database, no server and none of the secrets its folder references set in the environment.
 */
class LegalRenderCommandTest {

    @TempDir
    Path home;

    @BeforeEach
    void installation() throws IOException {
        Path deploy = Files.createDirectories(home.resolve("deploy"));
        for (String jar : List.of("legal-freemarker.jar", "payment-stripe.jar", "payment-sandbox.jar",
                "storage-s3.jar", "storage-local.jar", "bot-turnstile.jar")) {
            Files.copy(TestPlatform.shippedBundle(jar), deploy.resolve(jar));
        }
        Folders.copy(Path.of("target/system-bundles"), home.resolve("system-bundles"));
        Folders.copy(Path.of("../../tenant-configs"), home.resolve("tenant-configs"));
    }

    @Test
    void printsTheProductionPolicyWithTheProcessorsItsPluginsAndTheOperatorDeclare() {
        Result result = atelier("render", "auratuner", "privacy", "--profile", "production",
                "--set", "atelier.legal.hosting=Vercel", "--set", "atelier.legal.database=Neon Postgres");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Privacy Policy\nAuraTuner Privacy Policy\n")
                .contains("Last Updated April 8, 2026",
                        "- Payments infrastructure, including Stripe for subscriptions",
                        "- Storage and media infrastructure, including Cloudflare R2 for uploaded or generated files.",
                        "- Authentication and sign-in providers, including Google sign-in flows.",
                        "- Hosting, database, and deployment infrastructure, including Vercel and Neon Postgres.");
        assertThat(home.resolve("data")).as("no database was started").doesNotExist();
    }

    @Test
    void theDefaultProfileOfEmbeddedDefaultsIsTheLocalSetup() {
        Result result = atelier("render", "auratuner", "privacy");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Payment card details are never stored by AuraTuner.")
                .doesNotContain("Stripe", "Cloudflare R2", "Google");
    }

    @Test
    void printsMarkdownOrHtmlWhenAsked() {
        Result markdown = atelier("render", "marginalia", "terms", "--format", "md");
        Result html = atelier("render", "marginalia", "terms", "--format", "html");

        assertThat(markdown.out()).startsWith("Terms of Service\n\n# Marginalia Terms of Service\n");
        assertThat(html.out()).contains("<h1>Marginalia Terms of Service</h1>");
    }

    @Test
    void saysWhatIsMissingForAnUnknownDocumentOrTenant() {
        Result document = atelier("render", "auratuner", "cookies");
        Result tenant = atelier("render", "nobody", "privacy");

        assertThat(document.exitCode()).isEqualTo(1);
        assertThat(document.err()).contains("There is no legal document \"cookies\"");
        assertThat(tenant.exitCode()).isEqualTo(1);
        assertThat(tenant.err()).contains("No tenant folder").contains("nobody");
    }

    private record Result(int exitCode, String out, String err) {}

    private Result atelier(String... args) {
        List<String> all = new ArrayList<>(List.of("legal"));
        all.addAll(Stream.of(args).toList());
        all.add("--home");
        all.add(home.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(String[]::new), Map.of(), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
