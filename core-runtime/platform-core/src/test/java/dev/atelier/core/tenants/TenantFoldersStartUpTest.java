package dev.atelier.core.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atelier.core.tenants.ApplyReport.Outcome;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Start-up apply ({@link TenantFolders#applyChanged}) against explicit apply, with edits from the admin area. */
@ExtendWith(TestPostgresExtension.class)
class TenantFoldersStartUpTest {

    private static final String PRODUCTION = "production";
    private static final Branding.Colors EDITED_COLORS = new Branding.Colors("#112233", "#ffffff", "#445566",
            "#000000", "#111111", "#eeeeee", "#888888");
    private static final BrandingUpdate EDIT = new BrandingUpdate("Alpha Films", "Edited in the admin area.",
            "default", EDITED_COLORS, new Branding.Fonts("Georgia, serif", "Georgia, serif"));

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

        assertThat(rejected.problems()).extracting(p -> p.file() + ":" + p.path()).containsExactlyInAnyOrder(
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
        assertThat(rejected.getMessage()).contains("nothing was changed");
        assertThat(fixture.dump()).isEqualTo(dump);
    }

    private ApplyReport startUp(Path... folders) {
        return fixture.folders().applyChanged(List.of(folders), PRODUCTION);
    }
}
