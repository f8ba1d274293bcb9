package dev.atelier.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantStatus;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TenantResolutionTest {

    private static SiteHarness site;
    private static Tenant alpha;
    private static Tenant beta;

    @BeforeAll
    static void start() throws Exception {
        site = new SiteHarness();
        InMemoryTenants t = site.tenants;
        Tenant a = SiteHarness.tenant("alpha", "Alpha Studio", "default", "#112233", null, TenantStatus.ACTIVE,
                "alpha.localhost", "alpha.example");
        String alphaLogo = t.addAsset(a.id(), "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>alpha</title></svg>".getBytes(StandardCharsets.UTF_8));
        alpha = SiteHarness.tenant("alpha", "Alpha Studio", "default", "#112233", alphaLogo, TenantStatus.ACTIVE,
                "alpha.localhost", "alpha.example");
        alpha = new Tenant(a.id(), alpha.slug(), alpha.displayName(), alpha.status(), alpha.supportEmail(),
                alpha.hosts(), alpha.branding(), alpha.settings(), alpha.updatedAt());
        beta = SiteHarness.tenant("beta", "Beta Films", "contrast", "#aa00ff", null, TenantStatus.ACTIVE,
                "beta.localhost");
        t.put(alpha);
        t.put(beta);
        t.put(SiteHarness.tenant("gamma", "Gamma Paused", "contrast", "#00aa55", null, TenantStatus.SUSPENDED,
                "gamma.localhost"));
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    @Test
    void twoTenantsOnTwoHostsGetTheirOwnTitleColoursAndLogo() throws Exception {
        HttpResponse<String> a = site.get("alpha.localhost:8080", "/");
        HttpResponse<String> b = site.get("beta.localhost:8080", "/");

        assertThat(a.statusCode()).isEqualTo(200);
        assertThat(a.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(a.body()).contains("<title>Alpha Studio</title>", "--color-primary:#112233",
                "--font-heading:'Space Grotesk', sans-serif", "Alpha Studio makes pictures", "support@alpha.test")
                .containsPattern("<img class=\"logo\" src=\"/brand/[0-9a-f]{64}\\.svg\"")
                .doesNotContain("Beta Films");
        assertThat(b.statusCode()).isEqualTo(200);
        assertThat(b.body()).contains("<title>Beta Films</title>", "--color-primary:#aa00ff",
                "<span class=\"logo\">Beta Films</span>", "data-theme=\"contrast\"").doesNotContain("Alpha");
    }

    @Test
    void hostPortAndLetterCaseAreIgnored() throws Exception {
        assertThat(site.get("ALPHA.Example", "/").body()).contains("<title>Alpha Studio</title>");
        assertThat(site.get("alpha.example:443", "/pricing").body()).contains("<title>Pricing · Alpha Studio</title>");
    }

    @Test
    void unknownHostGetsA404PageNamingNoTenant() throws Exception {
        HttpResponse<String> response = site.get("nobody.localhost:8080", "/");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(response.body()).contains("There is no site at this address")
                .doesNotContain("Alpha", "Beta", "Gamma", "alpha", "beta", "gamma", "Atelier is running");
        assertThat(site.get("nobody.localhost", "/pricing").statusCode()).isEqualTo(404);
    }

    @Test
    void suspendedTenantAnswers503InItsOwnBrandingWithRetryAfter() throws Exception {
        for (String path : new String[] {"/", "/pricing", "/admin/branding"}) {
            HttpResponse<String> response = site.get("gamma.localhost", path);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.body()).contains("Temporarily unavailable", "Gamma Paused", "--color-primary:#00aa55");
        }
    }

    @Test
    void operatorHostServesTheStartPageAndTenantHostsDoNot() throws Exception {
        HttpResponse<String> signedOut = site.get("operator.localhost:8080", "/");
        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(
                v -> assertThat(v).endsWith("/operator/signin"));
        String token = site.accounts.operatorTokens().create("tenant resolution test").token();
        HttpResponse<String> operator = site.get("operator.localhost:8080", "/", "atelier_operator=" + token);
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.body()).contains("Atelier is running", "Procedural");

        HttpResponse<String> onTenant = site.get("alpha.localhost", "/operator");
        assertThat(onTenant.statusCode()).isEqualTo(404);
        assertThat(onTenant.body()).doesNotContain("Atelier is running").contains("Alpha Studio");
    }

    @Test
    void healthAnswersOnEveryHost() throws Exception {
        assertThat(site.get("nobody.localhost", "/healthz").statusCode()).isEqualTo(200);
        assertThat(site.get("gamma.localhost", "/readyz").statusCode()).isEqualTo(200);
        HttpResponse<String> models = site.get("nobody.localhost", "/api/v1/models");
        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(models.body()).contains("\"procedural\"");
        assertThat(site.get("nobody.localhost", "/api/v1/other").headers().firstValue("Content-Type"))
                .hasValue("application/problem+json");
    }

    @Test
    void unknownAddressOnATenantSiteGetsTheThemed404Page() throws Exception {
        HttpResponse<String> response = site.get("alpha.localhost", "/no-such-page");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found", "<title>Page not found · Alpha Studio</title>");
    }

    @Test
    void pagesShowPlansWithFormattedPricesAndWhichModelsAreDeployed() throws Exception {
        assertThat(site.get("alpha.localhost", "/pricing").body())
                .contains("Creator $12/month 600 credits", "200 credits €4.99 200 credits");
        assertThat(site.get("alpha.localhost", "/").body())
                .contains("<li class=\"model\" data-available=\"true\">Procedural 2</li>",
                        "<li class=\"model\" data-available=\"false\">gone 5</li>");
        assertThat(site.get("alpha.localhost", "/signin").body()).contains("default-signin google");
    }

    @Test
    void legalPagesRenderTheLegalTemplateWithTheirDocument() throws Exception {
        HttpResponse<String> privacy = site.get("alpha.localhost", "/legal/privacy");
        HttpResponse<String> terms = site.get("alpha.localhost", "/legal/terms");

        assertThat(privacy.body()).contains("<h1>Privacy policy</h1>", "<p class=\"kind\">privacy</p>", "Alpha Studio Ltd");
        assertThat(terms.body()).contains("<h1>Terms of service</h1>", "<p class=\"kind\">terms</p>");
    }

    @Test
    void everyPageRouteAnswers() throws Exception {
        for (String path : new String[] {"/", "/pricing", "/signup", "/signin", "/create", "/gallery",
                "/account/billing", "/legal/privacy", "/legal/terms"}) {
            assertThat(site.get("beta.localhost", path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(site.get("beta.localhost", "/gallery/abc").statusCode()).isEqualTo(404);
        for (String path : new String[] {"/account", "/admin", "/admin/branding"}) {
            HttpResponse<String> signedOut = site.get("beta.localhost", path);
            assertThat(signedOut.statusCode()).as(path).isEqualTo(303);
            assertThat(signedOut.headers().firstValue("Location")).as(path).hasValueSatisfying(
                    v -> assertThat(v).contains("/signin?next="));
        }
        String admin = site.signInAsAdmin(beta);
        for (String path : new String[] {"/", "/pricing", "/create", "/gallery", "/account", "/account/billing",
                "/legal/privacy", "/legal/terms", "/admin", "/admin/branding"}) {
            assertThat(site.get("beta.localhost", path, admin).statusCode()).as("signed in " + path).isEqualTo(200);
        }
    }
}
