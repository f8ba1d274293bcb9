package dev.atelier.launcher.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.testkit.Pngs;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Host header alone picks the site, whatever its letter case or port: each tenant folder's site in its own
 * branding, a suspended tenant's site answering 503 in that branding, an unknown host a 404 that names no tenant, and
 * the operator's start page only on the operator host.
 */
class TenantResolutionTest {

    private static final Pattern LOGO = Pattern.compile("\"(/brand/[0-9a-f]{64}\\.(svg|png))\"");
    private static final Pattern STYLESHEET = Pattern.compile("href=\"(/static/[^\"]+\\.css)\"");
    private static final String ALPHA_LOGO = "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>alpha</title></svg>";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles()
            .tenant("alpha", """
                    slug: alpha
                    name: Alpha Studio
                    support_email: support@alpha.test
                    hosts: [alpha.example]
                    branding:
                      tagline: "Alpha Studio makes pictures"
                      colors: {primary: "#112233"}
                      logo: assets/logo.svg
                    plans:
                      - {id: creator, name: Creator, price: {amount: 1200, currency: USD}, interval: month,
                         credits: 600}
                      - {id: topup-200, name: "200 credits", price: {amount: 499, currency: USD}, credits: 200}
                    """)
            .tenantFile("alpha", "assets/logo.svg", ALPHA_LOGO)
            .tenant("beta", """
                    slug: beta
                    name: Beta Films
                    support_email: support@beta.test
                    branding: {theme: marginalia, colors: {primary: "#aa00ff"}, logo: assets/logo.png}
                    """)
            .tenantFile("beta", "assets/logo.png", Pngs.deepFlatRgba(2, 2, 170, 0, 255, 255))
            .tenant("gamma", """
                    slug: gamma
                    name: Gamma Paused
                    status: suspended
                    support_email: support@gamma.test
                    branding: {colors: {primary: "#00aa55"}, logo: assets/logo.svg}
                    """)
            .tenantFile("gamma", "assets/logo.svg", ALPHA_LOGO)
            .build();

    @Test
    void twoTenantsOnTwoHostsGetTheirOwnTitleColoursAndLogo() throws Exception {
        HttpResponse<String> alpha = platform.get("alpha.localhost", "/");
        HttpResponse<String> beta = platform.get("beta.localhost", "/");

        assertThat(alpha.statusCode()).isEqualTo(200);
        assertThat(alpha.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(alpha.body()).contains("Alpha Studio", "primary=%23112233", "Alpha Studio makes pictures",
                "support@alpha.test").containsPattern("/brand/[0-9a-f]{64}\\.svg").doesNotContain("Beta Films");
        assertThat(beta.statusCode()).isEqualTo(200);
        assertThat(beta.body()).contains("Beta Films", "primary=%23aa00ff").doesNotContain("Alpha Studio");
    }

    @Test
    void hostPortAndLetterCaseAreIgnored() throws Exception {
        assertThat(platform.browserOnHost("ALPHA.Example").hostHeader("ALPHA.Example").get("/").body())
                .contains("Alpha Studio");
        assertThat(platform.browserOnHost("alpha.example").hostHeader("alpha.example:443").get("/pricing").body())
                .contains("Alpha Studio");
    }

    @Test
    void unknownHostGetsA404PageNamingNoTenant() throws Exception {
        HttpResponse<String> response = platform.get("nobody.localhost", "/");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("There is no site at this address")
                .doesNotContain("Alpha", "Beta", "Gamma", "alpha", "beta", "gamma", "Atelier is running");
        assertThat(platform.get("nobody.localhost", "/pricing").statusCode()).isEqualTo(404);
    }

    @Test
    void suspendedTenantAnswers503InItsOwnBrandingWithRetryAfter() throws Exception {
        for (String path : new String[] {"/", "/pricing", "/admin/branding"}) {
            HttpResponse<String> response = platform.get("gamma.localhost", path);

            assertThat(response.statusCode()).as(path).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).as(path).isPresent();
            assertThat(response.body()).as(path)
                    .contains("Temporarily unavailable", "Gamma Paused", "primary=%2300aa55");
        }
    }

    @Test
    void operatorHostServesTheStartPageAndTenantHostsDoNot() throws Exception {
        HttpResponse<String> signedOut = platform.get(TestPlatform.OPERATOR_HOST, "/");
        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/operator/signin"));
        HttpResponse<String> operator = platform.browserOnHost(TestPlatform.OPERATOR_HOST)
                .setCookie("atelier_operator", platform.accounts().operatorToken()).get("/");
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.body()).contains("Atelier is running", "Procedural");
        assertThat(operator.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        // Rendered from themes/default/operator/, its style sheet served on the operator host itself.
        assertThat(operator.body()).contains("class=\"operator-console\"", "Bundles by plugin kind")
                .doesNotContain("<style");
        String stylesheet = operator.body().replaceAll("(?s).*href=\"(/static/default/[^\"]+/operator\\.css)\".*", "$1");
        HttpResponse<String> css = platform.get(TestPlatform.OPERATOR_HOST, stylesheet);
        assertThat(css.statusCode()).as(stylesheet).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/css"));
        assertThat(css.headers().firstValue("Cache-Control")).hasValueSatisfying(
                cache -> assertThat(cache).contains("immutable"));

        HttpResponse<String> onTenant = platform.get("alpha.localhost", "/operator");
        assertThat(onTenant.statusCode()).isEqualTo(404);
        assertThat(onTenant.body()).doesNotContain("Atelier is running").contains("Alpha Studio");
    }

    @Test
    void healthAnswersOnEveryHost() throws Exception {
        assertThat(platform.get("nobody.localhost", "/healthz").statusCode()).isEqualTo(200);
        assertThat(platform.get("gamma.localhost", "/readyz").statusCode()).isEqualTo(200);
        assertThat(platform.get("nobody.localhost", "/api/v1/other").headers().firstValue("Content-Type"))
                .hasValue("application/problem+json");
    }

    @Test
    void aTenantsBrandFilesAreServedOnlyOnItsOwnHosts() throws Exception {
        String alphaLogo = find(LOGO, platform.get("alpha.localhost", "/").body());
        String betaLogo = find(LOGO, platform.get("beta.localhost", "/").body());

        HttpResponse<byte[]> own = platform.getBytes("alpha.localhost", alphaLogo);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).isEqualTo(ALPHA_LOGO.getBytes(StandardCharsets.UTF_8));
        assertThat(own.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(own.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(betaLogo).endsWith(".png");
        assertThat(platform.get("beta.localhost", betaLogo).statusCode()).isEqualTo(200);

        assertThat(platform.get("beta.localhost", alphaLogo).statusCode()).isEqualTo(404);
        assertThat(platform.get("alpha.localhost", betaLogo).statusCode()).isEqualTo(404);
        assertThat(platform.get("nobody.localhost", alphaLogo).statusCode()).isEqualTo(404);
    }

    @Test
    void aSuspendedTenantsPageStillLoadsItsStylesheetAndLogo() throws Exception {
        String page = platform.get("gamma.localhost", "/").body();

        assertThat(platform.get("gamma.localhost", find(STYLESHEET, page)).statusCode()).isEqualTo(200);
        assertThat(platform.get("gamma.localhost", find(LOGO, page)).statusCode()).isEqualTo(200);
    }

    @Test
    void pricingShowsEachPlanWithItsPriceInItsCurrency() throws Exception {
        assertThat(platform.get("alpha.localhost", "/pricing").body())
                .contains("Creator", "$12", "200 credits", "$4.99");
    }

    @Test
    void unknownAddressOnATenantSiteGetsTheThemed404Page() throws Exception {
        HttpResponse<String> response = platform.get("alpha.localhost", "/no-such-page");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found", "Alpha Studio");
    }

    private static String find(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).as("%s in %s", pattern, html).isTrue();
        return m.group(1);
    }
}
