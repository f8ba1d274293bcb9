package dev.atelier.launcher.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.accounts.Account;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestAccounts;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.web.auth.Cookies;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sessions on the pages of two tenant sites: a signed-in page is never the cached one of visitors, a form post without
 * its session's CSRF token changes nothing, a session is its tenant's only, an ended one is cleared, and the operator
 * API is an operator's only, on the bare address only.
 */
class SessionPagesTest {

    private static final String ALPHA = "alpha";
    private static final String ALPHA_HOST = TestPlatform.hostOf(ALPHA);
    private static final String SIGNED_IN = "href=\"/account\"";
    private static final String SIGNED_OUT = "href=\"/signin\"";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().tenants(ALPHA, "beta").build();

    @Test
    void aSignedInUserGetsTheirOwnPrivatePageEvenAfterVisitorsWarmedThePageCache() throws Exception {
        platform.get(ALPHA_HOST, "/");
        assertThat(platform.get(ALPHA_HOST, "/").body()).contains(SIGNED_OUT).doesNotContain(SIGNED_IN);

        HttpResponse<String> mine = platform.get(ALPHA_HOST, "/", platform.accounts().signedInUser(ALPHA));

        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains(SIGNED_IN).doesNotContain(SIGNED_OUT);
        assertThat(mine.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("private", "no-store"));
        assertThat(platform.get(ALPHA_HOST, "/").body()).as("what visitors see afterwards")
                .contains(SIGNED_OUT).doesNotContain(SIGNED_IN);
    }

    @Test
    void aBrandingPostWithoutTheRightCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        Browser admin = adminBrowser("owner@alpha.test");
        String tokenOfOtherSession = adminBrowser("deputy@alpha.test").csrfOf("/admin/branding");
        BrandingForm form = BrandingForm.saving("Hijacked Studio", "#abcdef");

        HttpResponse<String> missing = form.post(admin);
        HttpResponse<String> wrong = form.set("csrf", "0123456789abcdef").post(admin);
        HttpResponse<String> foreign = form.set("csrf", tokenOfOtherSession).post(admin);

        for (HttpResponse<String> refused : List.of(missing, wrong, foreign)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("This form has expired");
        }
        assertThat(platform.tenant(ALPHA).displayName()).isEqualTo("alpha studio");
        assertThat(platform.get(ALPHA_HOST, "/").body()).doesNotContain("Hijacked");

        BrandingForm preview = BrandingForm.saving("alpha studio", "#abcdef").set("action", "preview");
        assertThat(preview.submit(admin).statusCode()).as("with the session's own token").isEqualTo(200);
    }

    @Test
    void aSignInPostWithoutTheRightCsrfTokenIsRefusedAndStartsNoSession() throws Exception {
        Account ada = platform.accounts().confirmed(ALPHA, "ada@alpha.test");
        Browser browser = platform.browser(ALPHA);
        String token = Browser.csrfOf(browser.get("/signin"));
        Map<String, String> fields = new LinkedHashMap<>(Map.of("email", "ada@alpha.test",
                "password", TestAccounts.PASSWORD));

        HttpResponse<String> missing = browser.post("/signin", fields);
        fields.put("csrf", token + "0");
        HttpResponse<String> wrong = browser.post("/signin", fields);
        fields.put("csrf", token);
        HttpResponse<String> withoutCookie = platform.browser(ALPHA).post("/signin", fields);

        for (HttpResponse<String> refused : List.of(missing, wrong, withoutCookie)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(Browser.setsCookie(refused, Cookies.SESSION)).isFalse();
        }
        assertThat(platform.atelier().accounts().sessions().list(platform.tenantId(ALPHA), ada.id())).isEmpty();

        HttpResponse<String> accepted = browser.post("/signin", fields);
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(Browser.setsCookie(accepted, Cookies.SESSION)).isTrue();
    }

    @Test
    void aSessionCookieOfOneTenantSignsNobodyInOnAnotherTenantsHost() throws Exception {
        String alphaAdmin = platform.accounts().signedInAdmin(ALPHA, "admin@alpha.test");
        assertThat(platform.get(ALPHA_HOST, "/", alphaAdmin).body()).contains(SIGNED_IN);

        HttpResponse<String> home = platform.get("beta.localhost", "/", alphaAdmin);
        HttpResponse<String> admin = platform.get("beta.localhost", "/admin", alphaAdmin);
        HttpResponse<String> account = platform.get("beta.localhost", "/account", alphaAdmin);

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("beta studio", SIGNED_OUT).doesNotContain(SIGNED_IN);
        assertThat(admin.statusCode()).isEqualTo(303);
        assertThat(Browser.location(admin)).endsWith("/signin?next=%2Fadmin");
        assertThat(account.statusCode()).isEqualTo(303);
        assertThat(platform.get(ALPHA_HOST, "/admin", alphaAdmin).statusCode())
                .as("still signed in on its own tenant").isEqualTo(200);
    }

    @Test
    void theOperatorApiNeedsAnOperatorTokenAndIsNotServedOnTenantHosts() throws Exception {
        String path = "/api/v1/operator/deployments";
        Browser bare = platform.browserOnHost("127.0.0.1");

        HttpResponse<String> none = bare.get(path);
        HttpResponse<String> bad = bare.get(path, "Authorization", "Bearer atlop_not-a-token");
        HttpResponse<String> wrongKind = bare.get(path, "Authorization", "Bearer atl_" + "x".repeat(40));

        for (HttpResponse<String> refused : List.of(none, bad, wrongKind)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(refused.body()).contains("\"status\":401");
        }
        assertThat(platform.operator().get(path).statusCode()).isEqualTo(200);
        String operatorToken = "Bearer " + platform.accounts().operatorToken();
        HttpResponse<String> onTenant = platform.browser(ALPHA).get(path, "Authorization", operatorToken);
        assertThat(onTenant.statusCode()).isEqualTo(404);
        assertThat(onTenant.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(onTenant.body()).doesNotContain("\"items\"");
        assertThat(platform.get(ALPHA_HOST, path).statusCode()).isEqualTo(404);
    }

    @Test
    void anEndedSessionCookieGetsTheSignedOutPageAndIsCleared() throws Exception {
        String session = platform.accounts().signedInUser(ALPHA);
        HttpResponse<String> live = platform.get(ALPHA_HOST, "/", session);
        assertThat(live.body()).contains(SIGNED_IN);
        assertThat(Browser.setsCookie(live, Cookies.SESSION)).isFalse();

        assertThat(platform.atelier().accounts().sessions().revoke(platform.tenantId(ALPHA), session)).isTrue();
        HttpResponse<String> ended = platform.get(ALPHA_HOST, "/", session);

        assertThat(ended.statusCode()).isEqualTo(200);
        assertThat(ended.body()).contains(SIGNED_OUT).doesNotContain(SIGNED_IN);
        assertThat(ended.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(Cookies.SESSION + "=;").containsIgnoringCase("Max-Age=0"));
        HttpResponse<String> account = platform.get(ALPHA_HOST, "/account", session);
        assertThat(account.statusCode()).isEqualTo(303);
        assertThat(Browser.location(account)).endsWith("/signin?next=%2Faccount");
    }

    private static Browser adminBrowser(String email) {
        return platform.browser(ALPHA).signedIn(platform.accounts().signedInAdmin(ALPHA, email));
    }
}
