package dev.atelier.core.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgresExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPostgresExtension.class)
class TenantDirectoryAndAdminTest {

    private static final Branding.Colors NEW_COLORS = new Branding.Colors("#112233", "#ffffff", "#445566", "#000000",
            "#111111", "#eeeeee", "#888888");
    private static final Branding.Fonts NEW_FONTS = new Branding.Fonts("Georgia, serif", "Georgia, serif");

    @TempDir
    Path workDir;

    private TenantFixture fixture;

    @BeforeEach
    void start(TestDatabase database) {
        fixture = new TenantFixture(database, workDir);
        fixture.apply("local", fixture.folder("valid", "alpha"), fixture.folder("valid", "beta"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void findsTenantsByHostIgnoringPortAndCase() {
        TenantDirectory directory = fixture.module.directory();

        assertThat(directory.byHost("alpha.localhost:8080")).map(Tenant::slug).contains("alpha");
        assertThat(directory.byHost("ALPHA.LocalHost")).map(Tenant::slug).contains("alpha");
        assertThat(directory.byHost("www.alpha.example:443")).map(Tenant::slug).contains("alpha");
        assertThat(directory.byHost("beta.localhost:8080")).map(Tenant::slug).contains("beta");
        assertThat(directory.byHost("gamma.localhost:8080")).isEmpty();
        assertThat(directory.byHost("localhost")).isEmpty();
        assertThat(directory.all()).extracting(Tenant::slug).containsExactly("alpha", "beta");
    }

    @Test
    void brandingChangesAppearInTheDirectoryAndInTheExport() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

        Tenant updated = fixture.module.admin().updateBranding("alpha", new BrandingUpdate("Alpha Films", "Moving.",
                "default", NEW_COLORS, NEW_FONTS), new LogoUpload(png, "image/png"));

        assertThat(updated.displayName()).isEqualTo("Alpha Films");
        assertThat(fixture.module.directory().byHost("alpha.localhost")).map(t -> t.branding().colors())
                .contains(NEW_COLORS);
        TenantAsset logo = fixture.module.assets().find(updated.id(), updated.branding().logoAssetId()).orElseThrow();
        assertThat(logo.bytes()).isEqualTo(png);
        assertThat(logo.contentType()).isEqualTo("image/png");
        Path exported = workDir.resolve("exported/alpha");
        fixture.folders().export("alpha", exported);
        assertThat(Files.readString(exported.resolve("tenant.yaml"))).contains("Alpha Films", "assets/logo.png",
                "#112233");
        assertThat(exported.resolve("assets/logo.png")).hasBinaryContent(png);
        assertThat(fixture.apply("local", exported).outcome("alpha")).isEqualTo(ApplyReport.Outcome.UNCHANGED);
    }

    @Test
    void aTemplateSavedByAnAdminIsStoredExportedAndReplacedByTheFolderWhenItIsAppliedAgain() throws Exception {
        Tenant before = fixture.tenant("alpha");
        String tenantId = before.id();

        Tenant saved = fixture.module.admin().updateTemplate("alpha", "legal/terms.ftl", "<@doc.p>Ours.</@doc.p>");
        Tenant again = fixture.module.admin().updateTemplate("alpha", "legal/terms.ftl", "<@doc.p>Ours.</@doc.p>");

        assertThat(fixture.module.templates().find(tenantId, "legal/terms.ftl")).map(TenantTemplate::source)
                .hasValue("<@doc.p>Ours.</@doc.p>");
        assertThat(saved.updatedAt()).as("caches of its templates follow").isAfter(before.updatedAt());
        assertThat(again.updatedAt()).as("the same text again changes nothing").isEqualTo(saved.updatedAt());
        Path exported = workDir.resolve("exported/alpha");
        fixture.folders().export("alpha", exported);
        assertThat(exported.resolve("templates/legal/terms.ftl")).hasContent("<@doc.p>Ours.</@doc.p>");

        fixture.apply("local", fixture.folder("valid", "alpha"));

        assertThat(fixture.module.templates().find(tenantId, "legal/terms.ftl")).as("the folder wins").isEmpty();
    }

    @Test
    void aTemplateNameOutsideTheTenantsFolderIsRefused() {
        String tenantId = fixture.tenant("alpha").id();
        var before = fixture.module.templates().all(tenantId);
        for (String name : new String[] {"../secrets.ftl", "/etc/passwd", "legal/../../x.ftl", "legal//x.ftl", ""}) {
            assertThatThrownBy(() -> fixture.module.admin().updateTemplate("alpha", name, "text"))
                    .as(name).isInstanceOf(InvalidTenantConfigException.class);
        }
        assertThat(fixture.module.templates().all(tenantId)).isEqualTo(before);
    }

    @Test
    void savingTheSameBrandingAgainKeepsUpdatedAt() {
        Tenant first = fixture.module.admin().updateBranding("beta", new BrandingUpdate("Beta", "", "default",
                NEW_COLORS, NEW_FONTS), null);

        Tenant second = fixture.module.admin().updateBranding("beta", new BrandingUpdate("Beta", "", "default",
                NEW_COLORS, NEW_FONTS), null);

        assertThat(second.updatedAt()).isEqualTo(first.updatedAt());
    }

    @Test
    void invalidBrandingNamesEachFieldAndStoresNothing() {
        Tenant before = fixture.tenant("beta");
        Branding.Colors bad = new Branding.Colors("red", "#ffffff", "#445566", "#000000", "#111111", "#eeeeee",
                "#88888");

        assertThatThrownBy(() -> fixture.module.admin().updateBranding("beta", new BrandingUpdate(" ", "", "default",
                bad, NEW_FONTS), new LogoUpload("GIF89a".getBytes(StandardCharsets.US_ASCII), "image/gif")))
                .isInstanceOfSatisfying(InvalidTenantConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::path).containsExactlyInAnyOrder("name", "branding.colors.primary",
                                "branding.colors.muted", "branding.logo"));
        assertThat(fixture.tenant("beta")).isEqualTo(before);
    }

    @Test
    void brandingWithControlOrBidiCharactersIsRefusedNamingEachFieldAndStoresNothing() {
        Tenant before = fixture.tenant("beta");
        // After U+202E (right-to-left override) the rest of the name shows reversed: "atem" reads "meta".
        BrandingUpdate spoofed = new BrandingUpdate("Beta\u202Eatem", "Line one\u0007", "default", NEW_COLORS,
                new Branding.Fonts("Georgia\u2066, serif", "Georgia, serif"));

        assertThatThrownBy(() -> fixture.module.admin().updateBranding("beta", spoofed, null))
                .isInstanceOfSatisfying(InvalidTenantConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                                "name: must not contain control characters or invisible formatting characters;"
                                        + " found U+202E at character 5",
                                "branding.tagline: must not contain control characters or invisible formatting"
                                        + " characters; found U+0007 at character 9",
                                "branding.fonts.heading: must not contain control characters or invisible"
                                        + " formatting characters; found U+2066 at character 8"));
        assertThat(fixture.tenant("beta")).isEqualTo(before);
    }

    @Test
    void emojiJoinedIntoOneSymbolAreNoHiddenCharacters() {
        Tenant saved = fixture.module.admin().updateBranding("beta", new BrandingUpdate("Beta",
                "Made by \uD83D\uDC69\u200D\uD83C\uDFA8", "default", NEW_COLORS, NEW_FONTS), null);

        assertThat(saved.branding().tagline()).isEqualTo("Made by \uD83D\uDC69\u200D\uD83C\uDFA8");
    }

    @Test
    void suspendingAndReactivatingATenantShowsInTheDirectory() {
        Tenant suspended = fixture.module.admin().setStatus("beta", TenantStatus.SUSPENDED);

        assertThat(suspended.status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(fixture.module.directory().byHost("beta.localhost")).map(Tenant::isActive).contains(false);
        assertThat(fixture.module.admin().setStatus("beta", TenantStatus.ACTIVE).isActive()).isTrue();
    }

    @Test
    void unknownTenantIsReported() {
        assertThatThrownBy(() -> fixture.module.admin().setStatus("nobody", TenantStatus.SUSPENDED))
                .isInstanceOf(TenantNotFoundException.class).hasMessageContaining("nobody");
        assertThatThrownBy(() -> fixture.folders().export("nobody", workDir.resolve("x")))
                .isInstanceOf(TenantNotFoundException.class);
    }
}
