package dev.atelier.core.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atelier.core.ratelimit.RateLimits;
import dev.atelier.core.tenants.ApplyReport.Outcome;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPostgresExtension.class)
class TenantFoldersTest {

    private static final String PRODUCTION = "production";
    private static final String LOCAL = "local";
    /** Where the folders {@code invalid/broken} and {@code invalid/misnamed} are wrong, as file:key. */
    private static final List<String> INVALID_FOLDERS_PROBLEMS = List.of(
            "broken/tenant.yaml:support_email",
            "broken/tenant.yaml:hosts[1]",
            "broken/tenant.yaml:branding.colour",
            "broken/tenant.yaml:branding.colors.primary",
            "broken/tenant.yaml:branding.colors.text",
            "broken/tenant.yaml:plans[0].price.amount",
            "broken/tenant.yaml:branding.logo",
            "broken/tenant.yaml:payment.config.secret_key",
            "broken/tenant.yaml:credits.signup_bonus",
            "broken/tenant.yaml:credits.max_concurrent_jobs_per_tenant",
            "misnamed/tenant.yaml:slug");

    @TempDir
    Path workDir;

    private TenantFixture fixture;
    private Path alpha;
    private Path beta;

    @BeforeEach
    void start(TestDatabase database) {
        fixture = new TenantFixture(database, workDir);
        alpha = fixture.folder("valid", "alpha");
        beta = fixture.folder("valid", "beta");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void applyCreatesTenantsWithEverythingTheFolderSays() {
        ApplyReport report = fixture.apply(PRODUCTION, alpha, beta);

        assertThat(report.changes()).containsExactly(new ApplyReport.Change("alpha", Outcome.CREATED),
                new ApplyReport.Change("beta", Outcome.CREATED));
        Tenant tenant = fixture.tenant("alpha");
        assertThat(tenant.id()).startsWith("tnt_");
        assertThat(tenant.displayName()).isEqualTo("Alpha Studio");
        assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(tenant.supportEmail()).isEqualTo("help@alpha.example");
        assertThat(tenant.hosts()).containsExactlyInAnyOrder("alpha.localhost", "alpha.example", "www.alpha.example");
        assertThat(tenant.branding().theme()).isEqualTo("alpha");
        assertThat(tenant.branding().tagline()).isEqualTo("Pictures from sentences.");
        assertThat(tenant.branding().colors()).isEqualTo(new Branding.Colors("#7c3aed", "#ffffff", "#22d3ee",
                "#0b0a12", "#16142a", "#ece9ff", "#9a94c4"));
        assertThat(tenant.branding().fonts().heading()).isEqualTo("'Space Grotesk', system-ui, sans-serif");
        TenantSettings settings = tenant.settings();
        assertThat(settings.models()).containsExactly(new TenantSettings.ModelOffer("procedural", 1),
                new TenantSettings.ModelOffer("openai-images", null));
        assertThat(settings.plans()).extracting(TenantSettings.Plan::id, TenantSettings.Plan::priceMinor,
                        TenantSettings.Plan::isSubscription, TenantSettings.Plan::highlighted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("creator", 1200L, true, true),
                        org.assertj.core.groups.Tuple.tuple("topup-200", 500L, false, false));
        assertThat(settings.payment().plugin()).isEqualTo("stripe");
        assertThat(settings.payment().config()).containsEntry("secret_key", "sk_live_alpha_stripe_secret")
                .containsEntry("publishable_key", "pk_live_x");
        assertThat(settings.signIn().google()).isTrue();
        assertThat(settings.signIn().googleConfig()).containsEntry("client_secret", "alpha-google-client-secret");
        assertThat(settings.botProtection().plugin()).isEqualTo("turnstile");
        assertThat(settings.plugins()).as("bindings by plugin kind key")
                .containsOnlyKeys("payment", "storage", "bot_protection");
        assertThat(settings.legal().jurisdiction()).isEqualTo("England and Wales");
        assertThat(settings.credits()).isEqualTo(new TenantSettings.Credits(25, 30, 3, 20));

        TenantAsset logo = fixture.module.assets().find(tenant.id(), tenant.branding().logoAssetId()).orElseThrow();
        assertThat(logo.contentType()).isEqualTo("image/svg+xml");
        assertThat(new String(logo.bytes())).contains("#7c3aed");
        assertThat(logo.sha256()).hasSize(64).isEqualTo(tenant.branding().logoAssetId());
        assertThat(fixture.module.templates().all(tenant.id())).extracting(TenantTemplate::name)
                .containsExactly("error/404.ftlh", "index.ftlh");
        Tenant smallest = fixture.tenant("beta");
        assertThat(smallest.hosts()).containsExactly("beta.localhost");
        assertThat(smallest.branding().theme()).isEqualTo("default");
        assertThat(smallest.branding().logoAssetId()).isNull();
        assertThat(smallest.settings().payment()).isNull();
        assertThat(smallest.settings().credits()).isEqualTo(new TenantSettings.Credits(0, null, 2, 20));
    }

    @Test
    void applyingTheSameFoldersAgainChangesNothing() {
        fixture.apply(LOCAL, alpha, beta);
        Tenant before = fixture.tenant("alpha");
        String dump = fixture.dump();

        ApplyReport again = fixture.apply(LOCAL, alpha, beta);

        assertThat(again.changes()).extracting(ApplyReport.Change::outcome)
                .containsExactly(Outcome.UNCHANGED, Outcome.UNCHANGED);
        assertThat(fixture.dump()).isEqualTo(dump);
        assertThat(fixture.tenant("alpha").updatedAt()).isEqualTo(before.updatedAt());
    }

    @Test
    void changingOneFieldUpdatesOnlyThatTenant() throws Exception {
        fixture.apply(PRODUCTION, alpha, beta);
        Tenant alphaBefore = fixture.tenant("alpha");
        Tenant betaBefore = fixture.tenant("beta");
        Path file = alpha.resolve("tenant.yaml");
        Files.writeString(file, Files.readString(file).replace("Pictures from sentences.", "Films from sentences."));

        ApplyReport report = fixture.apply(PRODUCTION, alpha, beta);

        assertThat(report.outcome("alpha")).isEqualTo(Outcome.UPDATED);
        assertThat(report.outcome("beta")).isEqualTo(Outcome.UNCHANGED);
        Tenant alphaAfter = fixture.tenant("alpha");
        assertThat(alphaAfter.branding().tagline()).isEqualTo("Films from sentences.");
        assertThat(alphaAfter).usingRecursiveComparison().ignoringFields("branding.tagline", "updatedAt")
                .isEqualTo(alphaBefore);
        assertThat(alphaAfter.updatedAt()).isAfter(alphaBefore.updatedAt());
        assertThat(fixture.tenant("beta").updatedAt()).isEqualTo(betaBefore.updatedAt());
    }

    @Test
    void changedTemplatesAndRemovedAssetsUpdateTheTenant() throws Exception {
        fixture.apply(PRODUCTION, alpha);
        String tenantId = fixture.tenant("alpha").id();
        Files.writeString(alpha.resolve("templates/index.ftlh"), "<h1>new</h1>");
        Files.delete(alpha.resolve("templates/error/404.ftlh"));

        assertThat(fixture.apply(PRODUCTION, alpha).outcome("alpha")).isEqualTo(Outcome.UPDATED);

        assertThat(fixture.module.templates().all(tenantId)).containsExactly(
                new TenantTemplate("index.ftlh", "<h1>new</h1>"));
    }

    @Test
    void exportedFolderAppliesBackWithoutAnyChange() throws Exception {
        fixture.apply(LOCAL, alpha);
        String dump = fixture.dump();
        Path exported = workDir.resolve("exported/alpha");

        fixture.folders().export("alpha", exported);
        ApplyReport report = fixture.apply(LOCAL, exported);

        assertThat(report.outcome("alpha")).isEqualTo(Outcome.UNCHANGED);
        assertThat(fixture.dump()).isEqualTo(dump);
        assertThat(exported.resolve("assets/logo.svg")).hasSameBinaryContentAs(alpha.resolve("assets/logo.svg"));
        assertThat(exported.resolve("templates/error/404.ftlh")).exists();
        assertThat(fixture.apply(PRODUCTION, exported).outcome("alpha"))
                .as("the export holds the effective (local) configuration, so no overlay is needed")
                .isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void profileOverlayReplacesPluginMapsWholeAndMergesOtherMaps() {
        fixture.apply(LOCAL, alpha);

        Tenant tenant = fixture.tenant("alpha");
        TenantSettings settings = tenant.settings();
        assertThat(settings.payment()).isEqualTo(new TenantSettings.PluginChoice("sandbox", java.util.Map.of()));
        assertThat(settings.storage()).isEqualTo(new TenantSettings.PluginChoice("local",
                java.util.Map.of("root", "data/media/alpha")));
        assertThat(settings.signIn().google()).isFalse();
        assertThat(settings.botProtection()).isNull();
        assertThat(tenant.branding().tagline()).isEqualTo("Pictures from sentences (local).");
        assertThat(tenant.branding().colors().primary()).as("kept from tenant.yaml").isEqualTo("#7c3aed");
        assertThat(settings.plans()).hasSize(2);
    }

    @Test
    void secretsAreEncryptedAtRestAndExportedAsEnvironmentReferences() throws Exception {
        fixture.apply(PRODUCTION, alpha);

        String stored = fixture.query("SELECT document || secrets FROM tenant");
        for (String clear : TenantFixture.ENVIRONMENT.values()) {
            assertThat(stored).doesNotContain(clear);
        }
        assertThat(stored).contains("ALPHA_STRIPE_SECRET");
        Path exported = workDir.resolve("exported/alpha");
        fixture.folders().export("alpha", exported);
        String yaml = Files.readString(exported.resolve("tenant.yaml"));
        assertThat(yaml).contains("${ALPHA_STRIPE_SECRET}", "${ALPHA_GOOGLE_SECRET}", "#7c3aed");
        for (String clear : TenantFixture.ENVIRONMENT.values()) {
            assertThat(yaml).doesNotContain(clear);
        }
    }

    @Test
    void changedSecretValueUpdatesTheTenant() {
        fixture.apply(PRODUCTION, alpha);
        java.util.Map<String, String> rotated = new java.util.HashMap<>(TenantFixture.ENVIRONMENT);
        rotated.put("ALPHA_STRIPE_SECRET", "sk_live_rotated");

        ApplyReport report = fixture.module.folders(rotated).apply(List.of(alpha), PRODUCTION);

        assertThat(report.outcome("alpha")).isEqualTo(Outcome.UPDATED);
        assertThat(fixture.tenant("alpha").settings().payment().config()).containsEntry("secret_key",
                "sk_live_rotated");
    }

    @Test
    void invalidFoldersAreRejectedWholeWithEveryProblem() {
        fixture.apply(PRODUCTION, beta);
        String dump = fixture.dump();

        InvalidTenantConfigException rejected = catchThrowableOfType(InvalidTenantConfigException.class,
                () -> fixture.apply(PRODUCTION, fixture.folder("invalid", "broken"),
                        fixture.folder("invalid", "misnamed"), beta));

        assertThat(rejected.problems()).extracting(p -> p.file() + ":" + p.path())
                .containsExactlyInAnyOrderElementsOf(INVALID_FOLDERS_PROBLEMS);
        assertThat(rejected.problems()).extracting(ConfigProblem::toString).contains(
                "broken/tenant.yaml:plans[0].price.amount: must be a whole number, not the text \"twelve\"",
                "broken/tenant.yaml:branding.colors.primary: must be a colour written #rrggbb, was \"#12345\"",
                "broken/tenant.yaml:branding.logo: file assets/missing-logo.svg does not exist in the tenant folder",
                "misnamed/tenant.yaml:slug: must equal the folder name \"misnamed\", was \"other-name\"");
        assertThat(rejected.problems()).filteredOn(p -> p.path().equals("branding.colour")).singleElement()
                .extracting(ConfigProblem::message).asString().startsWith("unknown key");
        assertThat(rejected.problems()).filteredOn(p -> p.path().equals("payment.config.secret_key"))
                .singleElement().extracting(ConfigProblem::message).asString()
                .contains("environment variable BROKEN_UNSET_SECRET is not set");
        assertThat(rejected.getMessage()).contains("nothing was changed");
        assertThat(fixture.dump()).isEqualTo(dump);
    }

    @Test
    void priceStepsAreReadFromTheFolderAndExportedBackUnchanged() throws Exception {
        Path yaml = alpha.resolve("tenant.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("  - {id: procedural, credits: 1}",
                "  - {id: procedural, credits: 4, steps: [{up_to: 512x512, credits: 1}, {up_to: 1024 X 1024, credits: 2}]}"));

        fixture.apply(LOCAL, alpha);
        Path exported = workDir.resolve("exported/alpha");
        fixture.folders().export("alpha", exported);

        assertThat(fixture.tenant("alpha").settings().models().get(0).steps()).containsExactly(
                new PriceStep("512x512", 1), new PriceStep("1024x1024", 2));
        assertThat(fixture.tenant("alpha").settings().models().get(1).steps()).isEmpty();
        assertThat(fixture.apply(LOCAL, exported).outcome("alpha")).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void invalidPriceStepsAreRejectedNamingEachStepAndNothingIsWritten() throws Exception {
        String dump = fixture.dump();
        Path yaml = alpha.resolve("tenant.yaml");
        Files.writeString(yaml, Files.readString(yaml)
                .replace("  - {id: procedural, credits: 1}", "  - {id: procedural, credits: 4, steps: ["
                        + "{up_to: 1024x1024, credits: 2}, {up_to: 512x512, credits: 1}, {up_to: 4s, credits: 3},"
                        + " {up_to: huge, credits: -1}, {credits: 5}]}")
                .replace("  - {id: openai-images}", "  - {id: openai-images, steps: {up_to: 2s}}"));

        InvalidTenantConfigException rejected = catchThrowableOfType(InvalidTenantConfigException.class,
                () -> fixture.apply(LOCAL, alpha));

        assertThat(rejected.problems()).extracting(p -> p.file() + ":" + p.path()).containsExactlyInAnyOrder(
                "alpha/tenant.yaml:models[0].steps[3].up_to",
                "alpha/tenant.yaml:models[0].steps[3].credits",
                "alpha/tenant.yaml:models[0].steps[4].up_to",
                "alpha/tenant.yaml:models[1].steps");
        assertThat(rejected.problems()).extracting(ConfigProblem::toString).contains(
                "alpha/tenant.yaml:models[0].steps[3].up_to: must be a size such as 1024x1024 or a duration in"
                        + " seconds such as 4s, was \"huge\"");
        assertThat(fixture.dump()).isEqualTo(dump);

        Files.writeString(yaml, Files.readString(yaml)
                .replace(", {up_to: huge, credits: -1}, {credits: 5}", "")
                .replace("  - {id: openai-images, steps: {up_to: 2s}}", "  - {id: openai-images}"));
        rejected = catchThrowableOfType(InvalidTenantConfigException.class, () -> fixture.apply(LOCAL, alpha));

        assertThat(rejected.problems()).extracting(p -> p.path() + ": " + p.message()).containsExactly(
                "models[0].steps[1].up_to: must be larger (in pixels) than 1024x1024, the step before",
                "models[0].steps[2].up_to: must be a size such as 1024x1024, like the first step");
        assertThat(fixture.dump()).isEqualTo(dump);
    }

    @Test
    void rateLimitsAreReadFromTheFolderOverThePlatformsAndExportedBackUnchanged() throws Exception {
        Path yaml = alpha.resolve("tenant.yaml");
        Files.writeString(yaml, Files.readString(yaml) + "\nrate_limits:\n  signin-ip: 5/1m\n  generation-submit: 100/1h\n");

        fixture.apply(LOCAL, alpha);
        Path exported = workDir.resolve("exported/alpha");
        fixture.folders().export("alpha", exported);

        assertThat(fixture.tenant("alpha").settings().rateLimits()).containsOnly(
                Map.entry(RateLimits.SIGNIN_IP, new RateLimits.Limit(5, Duration.ofMinutes(1))),
                Map.entry(RateLimits.GENERATION_SUBMIT, new RateLimits.Limit(100, Duration.ofHours(1))));
        assertThat(fixture.apply(LOCAL, beta).outcome("beta")).isEqualTo(Outcome.CREATED);
        assertThat(fixture.tenant("beta").settings().rateLimits()).isEmpty();
        assertThat(fixture.apply(LOCAL, exported).outcome("alpha")).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void invalidRateLimitsAreRejectedNamingEachKindAndNothingIsWritten() throws Exception {
        String dump = fixture.dump();
        Path yaml = alpha.resolve("tenant.yaml");
        Files.writeString(yaml, Files.readString(yaml)
                + "\nrate_limits:\n  signin-ip: 20 per minute\n  sign-in: 5/1m\n  checkout: 0/1m\n  upload: 5\n");

        InvalidTenantConfigException rejected = catchThrowableOfType(InvalidTenantConfigException.class,
                () -> fixture.apply(LOCAL, alpha));

        assertThat(rejected.problems()).extracting(p -> p.path()).containsExactlyInAnyOrder(
                "rate_limits.signin-ip", "rate_limits.sign-in", "rate_limits.checkout", "rate_limits.upload");
        assertThat(rejected.problems()).extracting(ConfigProblem::toString).contains(
                "alpha/tenant.yaml:rate_limits.signin-ip: must be attempts/period such as 20/10m (period in s, m, h"
                        + " or d), was \"20 per minute\"");
        assertThat(rejected.problems()).filteredOn(p -> p.path().equals("rate_limits.sign-in"))
                .extracting(ConfigProblem::message).singleElement().asString().contains("signin-ip");
        assertThat(fixture.dump()).isEqualTo(dump);
    }

    @Test
    void hostClaimedByTwoFoldersIsRejectedAndNothingIsWritten() {
        String dump = fixture.dump();

        assertThatThrownBy(() -> fixture.apply(PRODUCTION, fixture.folder("duplicates", "one"),
                fixture.folder("duplicates", "two")))
                .isInstanceOfSatisfying(InvalidTenantConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString).containsExactly("two/tenant.yaml:hosts[1]: host"
                                + " shared.example is also used by tenant one; a host selects one tenant only"));
        assertThat(fixture.dump()).isEqualTo(dump);
        assertThat(fixture.module.directory().all()).isEmpty();
    }

    @Test
    void hostOfAnExistingTenantIsRejectedAndNothingIsWritten() {
        fixture.apply(PRODUCTION, alpha);
        String dump = fixture.dump();

        assertThatThrownBy(() -> fixture.apply(PRODUCTION, fixture.folder("clash", "gamma")))
                .isInstanceOfSatisfying(InvalidTenantConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString).containsExactly(
                                "gamma/tenant.yaml:hosts[1]: host alpha.example is already used by tenant alpha"));
        assertThat(fixture.dump()).isEqualTo(dump);
    }

    @Test
    void aHostMayMoveBetweenTenantsAppliedTogether() throws Exception {
        fixture.apply(PRODUCTION, alpha);
        Path alphaFile = alpha.resolve("tenant.yaml");
        Files.writeString(alphaFile, Files.readString(alphaFile).replace("hosts: [alpha.example, ", "hosts: ["));

        fixture.apply(PRODUCTION, alpha, fixture.folder("clash", "gamma"));

        assertThat(fixture.module.directory().byHost("alpha.example")).map(Tenant::slug).contains("gamma");
    }

    @Test
    void aPluginThatIsNotDeployedIsNotAnError() throws Exception {
        Path file = beta.resolve("tenant.yaml");
        Files.writeString(file, Files.readString(file) + "payment: {plugin: not-deployed-anywhere}\n");

        fixture.apply(PRODUCTION, beta);

        assertThat(fixture.tenant("beta").settings().payment().plugin()).isEqualTo("not-deployed-anywhere");
    }

    @Test
    void problemsInAnOverlayNameTheOverlayFile() throws Exception {
        Files.writeString(alpha.resolve("tenant.local.yaml"), "payment: {plugin: sandbox, confg: {}}\n");

        assertThatThrownBy(() -> fixture.apply(LOCAL, alpha))
                .isInstanceOfSatisfying(InvalidTenantConfigException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.file() + ":" + p.path())
                        .containsExactly("alpha/tenant.local.yaml:payment.confg"));
    }

    @Test
    void unreadableYamlIsReportedWithItsLine() throws Exception {
        Files.writeString(beta.resolve("tenant.yaml"), "slug: beta\nname: [Beta\n");

        assertThatThrownBy(() -> fixture.apply(PRODUCTION, beta))
                .isInstanceOfSatisfying(InvalidTenantConfigException.class, e -> assertThat(e.problems())
                        .singleElement().asString().startsWith("beta/tenant.yaml: is not valid YAML at line"));
    }

    @Test
    void aKeyWrittenTwiceIsRejectedWithTheLinesOfBothAndNothingIsWritten() throws Exception {
        fixture.apply(PRODUCTION, beta);
        String dump = fixture.dump();
        Path file = alpha.resolve("tenant.yaml");
        // The later "name" would win silently: a reviewer reading line 3 would approve a name that is not applied.
        Files.writeString(file, Files.readString(file).replace("  tagline: \"Pictures from sentences.\"\n",
                "  tagline: \"Pictures from sentences.\"\n  theme: other\n") + "name: Somebody Else\n");

        InvalidTenantConfigException rejected = catchThrowableOfType(InvalidTenantConfigException.class,
                () -> fixture.apply(PRODUCTION, alpha, beta));

        assertThat(rejected.problems()).extracting(ConfigProblem::toString).containsExactly(
                "alpha/tenant.yaml:branding.theme: is written twice in the same map, at lines 8 and 10;"
                        + " keep one of them",
                "alpha/tenant.yaml:name: is written twice in the same map, at lines 3 and 32; keep one of them");
        assertThat(fixture.dump()).isEqualTo(dump);
    }

    @Test
    void aKeyWrittenTwiceInAnOverlayOrAListItemIsRejectedNamingTheOverlay() throws Exception {
        Files.writeString(alpha.resolve("tenant.local.yaml"),
                "models:\n  - {id: procedural, credits: 1, credits: 5000}\n");

        assertThatThrownBy(() -> fixture.apply(LOCAL, alpha))
                .isInstanceOfSatisfying(InvalidTenantConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString).containsExactly("alpha/tenant.local.yaml:models[0].credits:"
                                + " is written twice in the same map, at lines 2 and 2; keep one of them"));
    }

    @Test
    void controlAndBidiCharactersInDisplayedTextsAreRefusedNamingTheField() throws Exception {
        Files.writeString(beta.resolve("tenant.yaml"), """
                slug: beta
                name: "Beta\\u202Egnp.exe"
                support_email: "help\\u0000@beta.example"
                branding: {tagline: "Quiet\\u200Bly", theme: default}
                legal: {company_name: "Beta\\u0085Ltd"}
                """);

        assertThatThrownBy(() -> fixture.apply(PRODUCTION, beta))
                .isInstanceOfSatisfying(InvalidTenantConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                                "beta/tenant.yaml:name: must not contain control characters or invisible formatting"
                                        + " characters; found U+202E at character 5",
                                "beta/tenant.yaml:support_email: must not contain control characters or invisible"
                                        + " formatting characters; found U+0000 at character 5",
                                "beta/tenant.yaml:branding.tagline: must not contain control characters or invisible"
                                        + " formatting characters; found U+200B at character 6",
                                "beta/tenant.yaml:legal.company_name: must not contain control characters or"
                                        + " invisible formatting characters; found U+0085 at character 5"));
    }

    @Test
    void emailedLinksGoToTheCanonicalHostWhichIsTheFirstListedHostUnlessOneIsNamed() throws Exception {
        fixture.apply(PRODUCTION, alpha, beta);
        assertThat(fixture.tenant("alpha").canonicalHost()).isEqualTo("alpha.example");
        assertThat(fixture.tenant("beta").canonicalHost()).isEqualTo("beta.localhost");

        Path file = alpha.resolve("tenant.yaml");
        Files.writeString(file, Files.readString(file) + "canonical_host: WWW.alpha.example\n");
        fixture.apply(PRODUCTION, alpha);

        assertThat(fixture.tenant("alpha").canonicalHost()).isEqualTo("www.alpha.example");
    }

    @Test
    void aCanonicalHostThatIsNotOneOfTheTenantsHostsIsRefused() throws Exception {
        Files.writeString(beta.resolve("tenant.local.yaml"), "canonical_host: attacker.example\n");

        assertThatThrownBy(() -> fixture.apply(LOCAL, beta))
                .isInstanceOfSatisfying(InvalidTenantConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString).containsExactly("beta/tenant.local.yaml:canonical_host:"
                                + " must be one of the tenant's hosts (beta.localhost), was \"attacker.example\""));
    }

    @Test
    void vendorUrlsPointingInsideTheDeploymentAreRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        fixture.apply(PRODUCTION, beta);
        String dump = fixture.dump();
        Path file = alpha.resolve("tenant.yaml");
        Files.writeString(file, Files.readString(file)
                .replace("  - {id: openai-images}",
                        "  - {id: openai-images, config: {base_url: \"http://169.254.169.254\"}}")
                .replace("https://acct.r2.cloudflarestorage.com", "https://[::1]:9000"));

        InvalidTenantConfigException rejected = catchThrowableOfType(InvalidTenantConfigException.class,
                () -> fixture.apply(PRODUCTION, alpha, beta));

        assertThat(rejected.problems()).extracting(p -> p.file() + ":" + p.path()).containsExactlyInAnyOrder(
                "alpha/tenant.yaml:storage.config.endpoint", "alpha/tenant.yaml:models[1].config.base_url");
        assertThat(rejected.problems()).extracting(ConfigProblem::message).anySatisfy(message -> assertThat(message)
                .startsWith("must be an https URL (http is accepted on the local profile only)"));
        assertThat(fixture.dump()).isEqualTo(dump);
    }

    @Test
    void tenantJsonIsReadLikeTenantYaml() throws Exception {
        Path folder = workDir.resolve("json/delta");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("tenant.json"),
                "{\"slug\": \"delta\", \"name\": \"Delta\", \"support_email\": \"a@delta.example\"}");

        assertThat(fixture.apply(PRODUCTION, folder).outcome("delta")).isEqualTo(Outcome.CREATED);
        assertThat(fixture.module.directory().byHost("delta.localhost")).map(Tenant::displayName).contains("Delta");
    }

    @Test
    void discoversTenantFoldersInAFolderOfFolders() {
        assertThat(TenantFolders.discover(fixture.folders.resolve("valid"))).containsExactly(alpha, beta);
        assertThat(TenantFolders.discover(alpha)).containsExactly(alpha);
        assertThat(TenantFolders.discover(workDir.resolve("missing"))).isEmpty();
    }

    /** Start-up apply ({@link TenantFolders#applyChanged}) against explicit apply, with edits from the admin area. */
    @Nested
    class StartUpApply {

        private static final Branding.Colors EDITED_COLORS = new Branding.Colors("#112233", "#ffffff", "#445566",
                "#000000", "#111111", "#eeeeee", "#888888");
        private static final BrandingUpdate EDIT = new BrandingUpdate("Alpha Films", "Edited in the admin area.",
                "default", EDITED_COLORS, new Branding.Fonts("Georgia, serif", "Georgia, serif"));

        @Test
        void startUpApplyKeepsAnAdminsBrandingEditWhenTheFolderDidNotChange() {
            assertThat(startUp(alpha).outcome("alpha")).isEqualTo(Outcome.CREATED);
            Tenant edited = fixture.module.admin().updateBranding("alpha", EDIT, null);

            ApplyReport restart = startUp(alpha, beta);

            assertThat(restart.changes()).containsExactly(new ApplyReport.Change("alpha", Outcome.SKIPPED),
                    new ApplyReport.Change("beta", Outcome.CREATED));
            Tenant after = fixture.tenant("alpha");
            assertThat(after.displayName()).isEqualTo("Alpha Films");
            assertThat(after.branding().tagline()).isEqualTo("Edited in the admin area.");
            assertThat(after.branding().colors()).isEqualTo(EDITED_COLORS);
            assertThat(after.updatedAt()).isEqualTo(edited.updatedAt());
        }

        @Test
        void startUpApplyAppliesAChangedFolderAgainOverwritingTheEdit() throws Exception {
            startUp(alpha);
            fixture.module.admin().updateBranding("alpha", EDIT, null);
            Path file = alpha.resolve("tenant.yaml");
            Files.writeString(file, Files.readString(file).replace("Pictures from sentences.", "Films from sentences."));

            assertThat(startUp(alpha).outcome("alpha")).isEqualTo(Outcome.UPDATED);

            Tenant after = fixture.tenant("alpha");
            assertThat(after.branding().tagline()).isEqualTo("Films from sentences.");
            assertThat(after.displayName()).isEqualTo("Alpha Studio");
            assertThat(after.branding().colors().primary()).isEqualTo("#7c3aed");
            assertThat(startUp(alpha).outcome("alpha")).isEqualTo(Outcome.SKIPPED);
        }

        @Test
        void startUpApplyAppliesAChangedAssetOrTemplate() throws Exception {
            startUp(alpha);
            String tenantId = fixture.tenant("alpha").id();
            Files.writeString(alpha.resolve("templates/index.ftlh"), "<h1>new</h1>");

            assertThat(startUp(alpha).outcome("alpha")).isEqualTo(Outcome.UPDATED);

            assertThat(fixture.module.templates().all(tenantId)).contains(new TenantTemplate("index.ftlh",
                    "<h1>new</h1>"));
        }

        @Test
        void startUpApplyAppliesARotatedSecretValue() {
            startUp(alpha);
            fixture.module.admin().updateBranding("alpha", EDIT, null);
            Map<String, String> rotated = new HashMap<>(TenantFixture.ENVIRONMENT);
            rotated.put("ALPHA_STRIPE_SECRET", "sk_live_rotated");

            ApplyReport report = fixture.module.folders(rotated).applyChanged(List.of(alpha), PRODUCTION);

            assertThat(report.outcome("alpha")).isEqualTo(Outcome.UPDATED);
            assertThat(fixture.tenant("alpha").settings().payment().config()).containsEntry("secret_key",
                    "sk_live_rotated");
        }

        @Test
        void startUpApplyAppliesTheFolderAgainWhenItsProfileChanged() {
            startUp(alpha);

            ApplyReport report = fixture.folders().applyChanged(List.of(alpha), "local");

            assertThat(report.outcome("alpha")).isEqualTo(Outcome.UPDATED);
            assertThat(fixture.tenant("alpha").settings().payment().plugin()).isEqualTo("sandbox");
        }

        @Test
        void explicitApplyAlwaysMakesTheDatabaseMatchTheFolder() {
            startUp(alpha);
            fixture.module.admin().updateBranding("alpha", EDIT, null);

            assertThat(fixture.apply(PRODUCTION, alpha).outcome("alpha")).isEqualTo(Outcome.UPDATED);

            Tenant after = fixture.tenant("alpha");
            assertThat(after.displayName()).isEqualTo("Alpha Studio");
            assertThat(after.branding().tagline()).isEqualTo("Pictures from sentences.");
            assertThat(after.branding().colors().primary()).isEqualTo("#7c3aed");
            assertThat(fixture.apply(PRODUCTION, alpha).outcome("alpha")).isEqualTo(Outcome.UNCHANGED);
            assertThat(startUp(alpha).outcome("alpha")).isEqualTo(Outcome.SKIPPED);
        }

        @Test
        void invalidFolderStillFailsStartUpApplyWithEveryProblemAndChangesNothing() {
            startUp(beta);
            fixture.module.admin().updateBranding("beta", EDIT, null);
            String dump = fixture.dump();

            InvalidTenantConfigException rejected = catchThrowableOfType(InvalidTenantConfigException.class,
                    () -> startUp(fixture.folder("invalid", "broken"), fixture.folder("invalid", "misnamed"), beta));

            assertThat(rejected.problems()).extracting(p -> p.file() + ":" + p.path())
                    .containsExactlyInAnyOrderElementsOf(INVALID_FOLDERS_PROBLEMS);
            assertThat(rejected.getMessage()).contains("nothing was changed");
            assertThat(fixture.dump()).isEqualTo(dump);
        }

        private ApplyReport startUp(Path... folders) {
            return fixture.folders().applyChanged(List.of(folders), PRODUCTION);
        }
    }
}
