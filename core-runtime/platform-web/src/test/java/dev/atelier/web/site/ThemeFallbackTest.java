package dev.atelier.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantStatus;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeFallbackTest {

    private SiteHarness site;

    @BeforeEach
    void start() throws Exception {
        site = new SiteHarness();
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void aThemeOverridingOneTemplateTakesTheRestFromDefault() throws Exception {
        site.tenants.put(SiteHarness.tenant("beta", "Beta Films", "contrast", "#aa00ff", null, TenantStatus.ACTIVE,
                "beta.localhost"));

        assertThat(site.get("beta.localhost", "/").body()).contains("contrast-index").doesNotContain("default-index");
        assertThat(site.get("beta.localhost", "/pricing").body()).contains("default-pricing", "Beta Films");
    }

    @Test
    void aTenantWhoseThemeIsMissingGetsTheDefaultTheme() throws Exception {
        site.tenants.put(SiteHarness.tenant("zeta", "Zeta", "no-such-theme", "#123456", null, TenantStatus.ACTIVE,
                "zeta.localhost"));

        HttpResponse<String> page = site.get("zeta.localhost", "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("default-index", "data-theme=\"default\"");
    }

    @Test
    void tenantFolderTemplatesOverrideTheTheme() throws Exception {
        Tenant tenant = SiteHarness.tenant("eta", "Eta", "contrast", "#123456", null, TenantStatus.ACTIVE,
                "eta.localhost");
        site.tenants.put(tenant);
        site.tenants.addTemplate(tenant.id(), "index.ftlh",
                "<#import \"/layout.ftlh\" as l><@l.layout><p>eta-own-index ${tenant.name}</p></@l.layout>");

        assertThat(site.get("eta.localhost", "/").body()).contains("eta-own-index Eta").doesNotContain("contrast-index");
        assertThat(site.get("eta.localhost", "/signup").body()).contains("default-signup");
    }

    @Test
    void aThemeTemplateWithASyntaxErrorFallsBackToDefaultAndTheAdminSeesFileAndLine() throws Exception {
        Tenant delta = SiteHarness.tenant("delta", "Delta", "broken", "#123456", null, TenantStatus.ACTIVE,
                "delta.localhost");
        site.tenants.put(delta);

        HttpResponse<String> page = site.get("delta.localhost", "/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("default-index", "Delta").doesNotContain("ParseException", "at freemarker");
        String admin = site.get("delta.localhost", "/admin", site.signInAsAdmin(delta)).body();
        assertThat(admin).contains("class=\"template-error\">themes/broken/index.ftlh:3: ");
    }

    @Test
    void aMissingVariableInATenantTemplateFallsBackToDefaultAndIsRecorded() throws Exception {
        Tenant tenant = SiteHarness.tenant("theta", "Theta", "default", "#123456", null, TenantStatus.ACTIVE,
                "theta.localhost");
        site.tenants.put(tenant);
        site.tenants.addTemplate(tenant.id(), "pricing.ftlh", "<p>theta pricing</p>\n<p>${nosuch.value}</p>\n");

        HttpResponse<String> page = site.get("theta.localhost", "/pricing");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("default-pricing").doesNotContain("theta pricing", "nosuch");
        assertThat(site.get("theta.localhost", "/admin", site.signInAsAdmin(tenant)).body())
                .contains("templates/pricing.ftlh (tenant folder):2: ");
    }

    @Test
    void aChangedTenantTemplateShowsOnTheNextRequest() throws Exception {
        Tenant tenant = SiteHarness.tenant("iota", "Iota", "default", "#123456", null, TenantStatus.ACTIVE,
                "iota.localhost");
        site.tenants.put(tenant);
        site.tenants.addTemplate(tenant.id(), "create.ftlh", "<p>first</p>");
        assertThat(site.get("iota.localhost", "/create").body()).contains("first");

        site.tenants.addTemplate(tenant.id(), "create.ftlh", "<p>second</p>");
        site.tenants.put(new Tenant(tenant.id(), tenant.slug(), tenant.displayName(), tenant.status(),
                tenant.supportEmail(), tenant.hosts(), tenant.branding(), tenant.settings(), Instant.now()));

        assertThat(site.get("iota.localhost", "/create").body()).contains("second");
    }

    @Test
    void whenTheDefaultThemeFailsTooTheVisitorGetsTheThemed500PageOrAPlainOne(@TempDir Path themes) throws Exception {
        Path good = Files.createDirectories(themes.resolve("good/default/error"));
        Files.writeString(good.resolve("../index.ftlh"), "<p>${nope}</p>");
        Files.writeString(good.resolve("500.ftlh"), "<p>themed ${error.status} for ${tenant.name}</p>");
        Path bad = Files.createDirectories(themes.resolve("bad/default/error"));
        Files.writeString(bad.resolve("../index.ftlh"), "<p>${nope}</p>");
        Files.writeString(bad.resolve("500.ftlh"), "<p>${nope}</p>");

        try (SiteHarness themed = new SiteHarness(themes.resolve("good"));
                SiteHarness plain = new SiteHarness(themes.resolve("bad"))) {
            for (SiteHarness s : new SiteHarness[] {themed, plain}) {
                s.tenants.put(SiteHarness.tenant("kappa", "Kappa", "default", "#123456", null, TenantStatus.ACTIVE,
                        "kappa.localhost"));
            }
            HttpResponse<String> themedPage = themed.get("kappa.localhost", "/");
            HttpResponse<String> plainPage = plain.get("kappa.localhost", "/");

            assertThat(themedPage.statusCode()).isEqualTo(500);
            assertThat(themedPage.body()).contains("themed 500 for Kappa").doesNotContain("nope");
            assertThat(plainPage.statusCode()).isEqualTo(500);
            assertThat(plainPage.body()).contains("Something went wrong").doesNotContain("nope", "freemarker");
        }
    }
}
