package dev.atelier.launcher.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.core.tenants.TenantStatus;
import dev.atelier.launcher.platform.TestPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One process serves two different products on two hosts, chosen by the Host header alone. */
class TenantSitesTest {

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().build();
    private static String second;

    @BeforeAll
    static void start() throws Exception {
        second = platform.secondDemoTenant();
    }

    @Test
    void eachDemoTenantIsServedWithItsOwnTitleColoursAndLogo() throws Exception {
        String aura = platform.get("auratuner.localhost", "/").body();
        String other = platform.get(second + ".localhost", "/").body();

        assertThat(title(aura)).contains("AuraTuner");
        assertThat(title(other)).doesNotContain("AuraTuner");
        assertThat(primaryColour(aura)).isNotEqualTo(primaryColour(other));
        assertThat(aura).containsPattern("/brand/[0-9a-f]{64}\\.svg");
        assertThat(other).containsPattern("/brand/[0-9a-f]{64}\\.svg");
        assertThat(logo(aura)).isNotEqualTo(logo(other));
    }

    @Test
    void everyPublicPageOfBothTenantsRendersForSignedOutVisitors() throws Exception {
        for (String host : new String[] {"auratuner.localhost", second + ".localhost"}) {
            for (String path : new String[] {"/", "/pricing", "/signup", "/signin", "/reset",
                    "/legal/privacy", "/legal/terms"}) {
                assertThat(platform.get(host, path).statusCode()).as("%s%s", host, path).isEqualTo(200);
            }
            // Creating and the gallery are a signed-in user's: visitors are asked to sign in and come back.
            for (String path : new String[] {"/create", "/gallery"}) {
                var response = platform.get(host, path);
                assertThat(response.statusCode()).as("%s%s", host, path).isEqualTo(303);
                assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                        location -> assertThat(location).endsWith("/signin?next=%2F" + path.substring(1)));
            }
        }
    }

    @Test
    void everyPageOfBothTenantsRendersForASignedInAdmin() throws Exception {
        for (String slug : new String[] {"auratuner", second}) {
            String session = platform.accounts().signedInAdmin(slug, "admin@" + slug + ".example");
            for (String path : new String[] {"/", "/pricing", "/create", "/gallery", "/account", "/account/billing",
                    "/legal/privacy", "/legal/terms", "/admin", "/admin/branding"}) {
                assertThat(platform.get(slug + ".localhost", path, session).statusCode()).as("%s%s", slug, path)
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void aPageThatIsNotThereKeepsTheSignedInPersonsHeader() throws Exception {
        var accounts = platform.atelier().accounts();
        String tenantId = platform.tenantId("auratuner");
        var user = accounts.accounts().signUp(tenantId, "lost@example.com", "a long user passphrase", "Lou");
        String session = accounts.sessions().start(tenantId, user.account().id(), "test", "127.0.0.1").cookieValue();

        var signedIn = platform.get("auratuner.localhost", "/no-such-page", session);
        var visitor = platform.get("auratuner.localhost", "/no-such-page");

        assertThat(signedIn.statusCode()).isEqualTo(404);
        assertThat(signedIn.body()).contains("href=\"/account\"").doesNotContain("href=\"/signin");
        assertThat(visitor.statusCode()).isEqualTo(404);
        assertThat(visitor.body()).contains("href=\"/signin").doesNotContain("href=\"/account\"");
    }

    @Test
    void anAdminWhoseEmailIsNotConfirmedIsToldToConfirmIt() throws Exception {
        var accounts = platform.atelier().accounts();
        String tenantId = platform.tenantId("auratuner");
        var user = accounts.accounts().signUp(tenantId, "admin-to-be@example.com", "a long admin passphrase", "Bea");
        accounts.admins().grant(tenantId, "admin-to-be@example.com");
        String session = accounts.sessions().start(tenantId, user.account().id(), "test", "127.0.0.1").cookieValue();

        var refused = platform.get("auratuner.localhost", "/admin", session);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Confirm your email first", "admin-to-be@example.com",
                "action=\"/account/verify/resend\"").doesNotContain("Ask an admin of this site");
    }

    @Test
    void adminAreaSendsVisitorsToSignInAndRefusesSignedInUsersWhoAreNotAdmins() throws Exception {
        var visitor = platform.get("auratuner.localhost", "/admin");
        var accounts = platform.atelier().accounts();
        String tenantId = platform.tenantId("auratuner");
        var user = accounts.accounts().signUp(tenantId, "not-an-admin@example.com", "a long user passphrase", "Ada");
        accounts.accounts().verifyEmail(tenantId, user.verificationToken());
        String session = accounts.sessions().start(tenantId, user.account().id(), "test", "127.0.0.1").cookieValue();

        var refused = platform.get("auratuner.localhost", "/admin", session);

        assertThat(visitor.statusCode()).isEqualTo(303);
        assertThat(visitor.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/signin?next=%2Fadmin"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Admins only");
    }

    @Test
    void unknownHostGetsA404ThatNamesNoTenant() throws Exception {
        var response = platform.get("nobody.localhost", "/");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContainIgnoringCase("auratuner").doesNotContainIgnoringCase(second);
    }

    @Test
    void suspendedTenantAnswers503InItsOwnBranding() throws Exception {
        String ownColour = primaryColour(platform.get(second + ".localhost", "/").body());
        platform.atelier().tenants().admin().setStatus(second, TenantStatus.SUSPENDED);
        try {
            var response = platform.get(second + ".localhost", "/pricing");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.body()).containsIgnoringCase("temporarily unavailable");
            assertThat(primaryColour(response.body())).isEqualTo(ownColour);
        } finally {
            platform.atelier().tenants().admin().setStatus(second, TenantStatus.ACTIVE);
        }
        assertThat(platform.get(second + ".localhost", "/").statusCode()).isEqualTo(200);
        assertThat(platform.get("auratuner.localhost", "/").statusCode()).isEqualTo(200);
    }

    private static String title(String html) {
        return html.replaceAll("(?s).*<title>(.*?)</title>.*", "$1");
    }

    // The layout links the brand's style sheet with the colours in its address (no inline styles under the CSP).
    private static String primaryColour(String html) {
        return html.replaceAll("(?s).*/brand/style\\.css\\?[^\"]*primary=%23([0-9a-fA-F]{6}).*", "#$1");
    }

    private static String logo(String html) {
        return html.replaceAll("(?s).*(/brand/[0-9a-f]{64}\\.svg).*", "$1");
    }
}
