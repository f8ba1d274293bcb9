package dev.atelier.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.core.tenants.FolderTenant;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.legal.LegalDraft;
import dev.atelier.legal.documents.LegalDocuments;
import dev.atelier.legal.documents.PlatformServices;
import dev.atelier.legal.documents.TemplateProblemException;
import dev.atelier.legal.documents.UnknownDocumentException;
import dev.atelier.plugins.PluginHost;
import dev.atelier.plugins.PluginHostSettings;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tenants' legal documents as the shipped renderer, templates and real plugin bundles make them: AuraTuner's
 * production privacy policy is the reference policy line for line; its local setup and Marginalia's plugins are
 * disclosed as they are, Cloudflare Turnstile by the real {@code bot-turnstile} bundle of the bot-protection kind.
 */
class LegalDocumentsTest {

    /** The operator's configuration of AuraTuner's production deployment. */
    static final PlatformServices PRODUCTION_SERVICES = PlatformServices.of(Map.of("authentication", "BetterAuth",
            "hosting", "Vercel", "database", "Neon Postgres", "rate_limiting", "Upstash", "email", "Resend"));
    static final Path TENANT_CONFIGS = Path.of("../../tenant-configs");

    @TempDir
    static Path work;
    static PluginHost host;

    @BeforeAll
    static void startHostWithTheBundlesTenantsUse() throws Exception {
        Path deploy = Files.createDirectories(work.resolve("deploy"));
        for (String jar : List.of("legal-freemarker.jar", "payment-stripe.jar", "payment-sandbox.jar",
                "storage-s3.jar", "storage-local.jar", "model-replicate.jar", "bot-turnstile.jar")) {
            Files.copy(TestPlatform.shippedBundle(jar), deploy.resolve(jar));
        }
        PluginHostSettings settings = new PluginHostSettings(deploy, Path.of("target/system-bundles"),
                work.resolve("cache"), Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(30))
                .withStorageDir(work.resolve("storage"));
        host = new PluginHost(settings, event -> { });
        host.start();
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    @Test
    void auratunerInProductionRendersTheReferencePrivacyPolicyLineForLine() throws Exception {
        LegalDraft policy = draft("auratuner", "production", PRODUCTION_SERVICES, "privacy");

        assertThat(policy.text().lines()).containsExactlyElementsOf(reference().lines().toList());
        assertThat(policy.html()).contains("<h1>AuraTuner Privacy Policy</h1>")
                .contains("<li>Payments infrastructure, including Stripe for subscriptions");
        assertThat(policy.markdown()).contains("# AuraTuner Privacy Policy")
                .contains("## Third-Party Service Providers");
    }

    @Test
    void theLastUpdatedDateIsTheEffectiveDateGiven() throws Exception {
        FolderTenant auratuner = FolderTenant.read(TENANT_CONFIGS.resolve("auratuner"), "production", "localhost");

        LegalDraft later = documents(PRODUCTION_SERVICES, auratuner).draft(auratuner.tenant(), "privacy",
                LocalDate.of(2026, 12, 1));
        LegalDraft configured = draft("auratuner", "production", PRODUCTION_SERVICES, "privacy");

        assertThat(later.text()).contains("Last Updated December 1, 2026").doesNotContain("April 8, 2026");
        assertThat(later.disclosureDigest()).as("the date is no disclosure").isEqualTo(configured.disclosureDigest());
    }

    @Test
    void theLocalProfileNamesTheLocalSetupTruthfully() throws Exception {
        LegalDraft policy = draft("auratuner", "local", PlatformServices.NONE, "privacy");

        assertThat(policy.text()).doesNotContain("Stripe", "Cloudflare", "Google", "Vercel", "Neon", "Resend",
                "Upstash", "BetterAuth")
                .contains("Payment card details are never stored by AuraTuner.")
                .contains("AuraTuner runs the service on infrastructure it operates itself and does not share your "
                        + "information with third-party service providers.")
                .contains("including account authentication, abuse controls, signed sessions, rate limiting,");
        assertThat(policy.disclosureDigest())
                .isNotEqualTo(draft("auratuner", "production", PRODUCTION_SERVICES, "privacy").disclosureDigest());
    }

    @Test
    void marginaliaDisclosesOnlyWhatItsOwnPluginsHandOn() throws Exception {
        LegalDraft policy = draft("marginalia", "production", PRODUCTION_SERVICES, "privacy");

        List<String> providers = policy.text().lines().dropWhile(line -> !line.equals("Third-Party Service Providers"))
                .takeWhile(line -> !line.equals("Data Storage, Retention, and Security")).toList();
        assertThat(providers).containsExactly("Third-Party Service Providers",
                "Marginalia relies on third-party providers to operate core parts of the service. Depending on how "
                        + "you use the product, relevant providers may process limited information on our behalf or "
                        + "in connection with your use of their systems.",
                "- Authentication and sign-in providers, including BetterAuth sign-in flows.",
                "- Hosting, database, and deployment infrastructure, including Vercel and Neon Postgres.",
                "- Security and abuse-prevention tooling, including Upstash rate limiting infrastructure.",
                "- Transactional email delivery, including Resend.");
        assertThat(policy.text()).contains("Marginalia Privacy Policy", "Last Updated May 2, 2026",
                "Marginalia Studio (demo), 12 Rue des Copistes, 75005 Paris, France",
                "as the law of France provides");
    }

    @Test
    void aTenantOfferingAVendorModelNamesItsProviderAndHowItNamesItsStorage() throws Exception {
        Path folder = Files.createDirectories(work.resolve("configs/lumen"));
        Files.writeString(folder.resolve("tenant.yaml"), """
                slug: lumen
                name: Lumen
                support_email: help@lumen.example
                models: [{id: replicate-image, config: {api_token: "${LUMEN_REPLICATE}", model: acme/painter}}]
                storage: {plugin: s3, config: {bucket: lumen-media, display_name: MinIO at Lumen,
                          processing_location: Germany}}
                """);
        FolderTenant lumen = FolderTenant.read(folder, "production", "localhost");

        String policy = documents(PlatformServices.NONE, lumen).draft(lumen.tenant(), "privacy").text();

        assertThat(policy).contains("- Storage and media infrastructure, including MinIO at Lumen for uploaded or "
                + "generated files.", "- AI model providers, including Replicate for generating images and videos "
                + "from prompts and uploads.").doesNotContain("Amazon S3");
        assertThat(policy.lines()).as("a tenant without an effective date has no dated line")
                .noneMatch(line -> line.startsWith("Last Updated"));
    }

    @Test
    void bothTenantsHaveTermsOfService() throws Exception {
        LegalDraft auratuner = draft("auratuner", "production", PRODUCTION_SERVICES, "terms");
        LegalDraft marginalia = draft("marginalia", "production", PRODUCTION_SERVICES, "terms");

        assertThat(auratuner.text()).startsWith("Terms of Service\nAuraTuner Terms of Service\n")
                .contains("Payments are processed by Stripe").doesNotContain("Governing Law");
        assertThat(marginalia.text()).contains("These terms govern your use of Marginalia, operated by Marginalia "
                + "Studio (demo).").contains("test mode").contains("These terms are governed by the law of France.");
    }

    @Test
    void anAdminsTemplateIsPreviewedAndItsErrorsNameLineAndColumn() throws Exception {
        FolderTenant auratuner = FolderTenant.read(TENANT_CONFIGS.resolve("auratuner"), "production", "localhost");
        LegalDocuments documents = documents(PRODUCTION_SERVICES, auratuner);

        LegalDraft preview = documents.preview(auratuner.tenant(), "privacy", """
                <@doc.title>${tenant.name} keeps it short</@doc.title>
                <#list processors as p><@doc.p>${p.name}: ${p.purpose}</@doc.p></#list>
                """, null);
        assertThat(preview.text()).startsWith("AuraTuner keeps it short\nBetterAuth: ");

        assertThatThrownBy(() -> documents.preview(auratuner.tenant(), "privacy", "<@doc.p>fine</@doc.p>\n"
                + "<@doc.p>${tenant?api.class}</@doc.p>", null))
                .isInstanceOfSatisfying(TemplateProblemException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isPositive();
                    assertThat(e.getMessage()).startsWith("legal/privacy.ftl, line 2, column ");
                });
        assertThatThrownBy(() -> documents.draft(auratuner.tenant(), "cookies"))
                .isInstanceOf(UnknownDocumentException.class);
        assertThat(documents.documents(auratuner.tenant())).containsExactly("privacy", "terms");
    }

    private static LegalDraft draft(String slug, String profile, PlatformServices services, String document)
            throws Exception {
        FolderTenant tenant = FolderTenant.read(TENANT_CONFIGS.resolve(slug), profile, "localhost");
        return documents(services, tenant).draft(tenant.tenant(), document);
    }

    private static LegalDocuments documents(PlatformServices services, FolderTenant tenant) {
        return LegalWiring.documents(host, services, t -> tenant.templates());
    }

    private static String reference() throws Exception {
        try (InputStream in = LegalDocumentsTest.class.getResourceAsStream("/legal/auratuner-privacy-policy.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
