package dev.atelier.launcher.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.launcher.platform.TestPlatform;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A page comes from the tenant folder's own template, else the tenant's theme, else {@code themes/default}; a template
 * that fails is replaced by the default one and reported to the tenant's admin with file and line, never shown to
 * visitors.
 */
class ThemeFallbackTest {

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder()
            .themeFile("broken", "index.ftlh", """
                    <#import "/layout.ftlh" as layout>
                    <@layout.page title="Broken">
                    <#if>broken</#if>
                    </@layout.page>
                    """)
            .tenant("beta", themed("beta", "Beta Films", "marginalia"))
            .tenant("zeta", themed("zeta", "Zeta", "no-such-theme"))
            .tenant("eta", themed("eta", "Eta", "marginalia"))
            .tenantFile("eta", "templates/index.ftlh", """
                    <#import "/layout.ftlh" as l><@l.page title="Eta"><p>eta-own-index ${tenant.name}</p></@l.page>
                    """)
            .tenant("delta", themed("delta", "Delta", "broken"))
            .tenant("theta", themed("theta", "Theta", "default"))
            .tenantFile("theta", "templates/pricing.ftlh", "<p>theta pricing</p>\n<p>${nosuch.value}</p>\n")
            .tenant("iota", themed("iota", "Iota", "default"))
            .tenantFile("iota", "templates/pricing.ftlh", "<p>first</p>")
            .build();

    /** What tells the shipped templates apart: the landing pages of default and marginalia, default's pricing. */
    private static final String DEFAULT_INDEX = "class=\"hero\"";
    private static final String MARGINALIA_INDEX = "class=\"title-page\"";
    private static final String DEFAULT_PRICING = "Pay for what you create";
    // The default theme's pricing page in the Marginalia theme's words: the template falls back, the wording does not.
    private static final String DEFAULT_PRICING_IN_MARGINALIA_WORDS = "A subscription for every shelf";

    private static String themed(String slug, String name, String theme) {
        return """
                slug: %s
                name: %s
                support_email: support@%1$s.test
                branding: {theme: %s}
                """.formatted(slug, name, theme);
    }

    @Test
    void aThemeOverridingOneTemplateTakesTheRestFromDefault() throws Exception {
        assertThat(platform.get("beta.localhost", "/").body()).contains(MARGINALIA_INDEX).doesNotContain(DEFAULT_INDEX);
        assertThat(platform.get("beta.localhost", "/pricing").body())
                .contains(DEFAULT_PRICING_IN_MARGINALIA_WORDS, "class=\"faq\"", "Beta Films");
    }

    @Test
    void aTenantWhoseThemeIsMissingGetsTheDefaultTheme() throws Exception {
        HttpResponse<String> page = platform.get("zeta.localhost", "/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(DEFAULT_INDEX, "Zeta");
    }

    @Test
    void tenantFolderTemplatesOverrideTheTheme() throws Exception {
        assertThat(platform.get("eta.localhost", "/").body()).contains("eta-own-index Eta")
                .doesNotContain(MARGINALIA_INDEX);
        assertThat(platform.get("eta.localhost", "/signup").body()).contains("Open an account",
                "action=\"/signup\"");
    }

    @Test
    void aThemeTemplateWithASyntaxErrorFallsBackToDefaultAndTheAdminSeesFileAndLine() throws Exception {
        HttpResponse<String> page = platform.get("delta.localhost", "/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(DEFAULT_INDEX, "Delta").doesNotContain("ParseException", "at freemarker");
        assertThat(adminPage("delta")).contains("class=\"error-loc\">themes/broken/index.ftlh:3</code>");
    }

    @Test
    void aMissingVariableInATenantTemplateFallsBackToDefaultAndIsRecorded() throws Exception {
        HttpResponse<String> page = platform.get("theta.localhost", "/pricing");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(DEFAULT_PRICING).doesNotContain("theta pricing", "nosuch");
        assertThat(adminPage("theta")).contains("class=\"error-loc\">templates/pricing.ftlh (tenant folder):2</code>");
    }

    @Test
    void aChangedTenantTemplateShowsOnTheNextRequest() throws Exception {
        assertThat(platform.get("iota.localhost", "/pricing").body()).contains("first");

        platform.changeTenantFile("iota", "templates/pricing.ftlh", "<p>second</p>");

        assertThat(platform.get("iota.localhost", "/pricing").body()).contains("second").doesNotContain("first");
    }

    @Test
    void whenTheDefaultThemeFailsTooTheVisitorGetsTheThemed500PageOrAPlainOne() throws Exception {
        try (TestPlatform failing = TestPlatform.builder()
                .themeFile("default", "index.ftlh", "<p>${nope}</p>")
                .themeFile("default", "error/500.ftlh", "<p>${nope}</p>")
                .themeFile("good", "error/500.ftlh", "<p>themed ${error.status} for ${tenant.name}</p>")
                .tenant("kappa", themed("kappa", "Kappa", "good"))
                .tenant("lambda", themed("lambda", "Lambda", "default"))
                .start()) {
            HttpResponse<String> themed = failing.get("kappa.localhost", "/");
            HttpResponse<String> plain = failing.get("lambda.localhost", "/");

            assertThat(themed.statusCode()).isEqualTo(500);
            assertThat(themed.body()).contains("themed 500 for Kappa").doesNotContain("nope");
            assertThat(plain.statusCode()).isEqualTo(500);
            assertThat(plain.body()).contains("Something went wrong").doesNotContain("nope", "freemarker");
        }
    }

    private static String adminPage(String slug) throws Exception {
        String admin = platform.accounts().signedInAdmin(slug, "admin@" + slug + ".test");
        return platform.get(TestPlatform.hostOf(slug), "/admin", admin).body();
    }
}
