package dev.atelier.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantStatus;
import dev.atelier.web.site.SiteHarness;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a session cookie, a CSRF token and an operator token change about the pages and the API, over real HTTP. */
class SessionPagesTest {

    private static SiteHarness site;
    private static Tenant alpha;
    private static Tenant beta;

    @BeforeAll
    static void start() throws Exception {
        site = new SiteHarness();
        alpha = SiteHarness.tenant("alpha", "Alpha Studio", "default", "#112233", null, TenantStatus.ACTIVE,
                "alpha.localhost");
        beta = SiteHarness.tenant("beta", "Beta Films", "default", "#aa00ff", null, TenantStatus.ACTIVE,
                "beta.localhost");
        site.add(alpha);
        site.add(beta);
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    @Test
    void aSignedInUserGetsTheirOwnPrivatePageEvenAfterVisitorsWarmedThePageCache() throws Exception {
        site.get("alpha.localhost", "/");
        HttpResponse<String> cached = site.get("alpha.localhost", "/");
        assertThat(cached.body()).contains("href=\"/signin\"").doesNotContain("href=\"/account\"");
        String user = site.signInAsUser(alpha);

        HttpResponse<String> mine = site.get("alpha.localhost", "/", user);

        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("href=\"/account\">Test alpha</a>").doesNotContain("href=\"/signin\"");
        assertThat(mine.headers().firstValue("Cache-Control")).hasValueSatisfying(
                v -> assertThat(v).contains("private", "no-store"));
        assertThat(site.get("alpha.localhost", "/").body()).as("what visitors see afterwards")
                .contains("href=\"/signin\"").doesNotContain("href=\"/account\"", "Test alpha");
    }

    @Test
    void aBrandingPostWithoutTheRightCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        String admin = site.signInAsAdmin(alpha);
        String otherAdmin = site.signInAsAdmin(alpha);
        String tokenOfOtherSession = site.csrfToken("alpha.localhost", "/admin/branding", otherAdmin);
        Map<String, String> form = brandingForm("Hijacked Studio");

        HttpResponse<String> missing = site.postForm("alpha.localhost", "/admin/branding", admin, form, null);
        form.put("csrf", "0123456789abcdef");
        HttpResponse<String> wrong = site.postForm("alpha.localhost", "/admin/branding", admin, form, null);
        form.put("csrf", tokenOfOtherSession);
        HttpResponse<String> foreign = site.postForm("alpha.localhost", "/admin/branding", admin, form, null);

        for (HttpResponse<String> refused : List.of(missing, wrong, foreign)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("This form has expired");
        }
        assertThat(site.current(alpha.id())).isEqualTo(alpha);
        assertThat(site.get("alpha.localhost", "/").body()).contains("<title>Alpha Studio</title>")
                .doesNotContain("Hijacked");

        form.put("csrf", site.csrfToken("alpha.localhost", "/admin/branding", admin));
        assertThat(site.postForm("alpha.localhost", "/admin/branding", admin, brandingForm("Alpha Studio"), null)
                .statusCode()).as("the same form without a token").isEqualTo(403);
        Map<String, String> same = brandingForm("Alpha Studio");
        same.put("csrf", form.get("csrf"));
        same.put("action", "preview");
        assertThat(site.postForm("alpha.localhost", "/admin/branding", admin, same, null).statusCode())
                .as("with the session's own token").isEqualTo(200);
    }

    @Test
    void aSignInPostWithoutTheRightCsrfTokenIsRefusedAndStartsNoSession() throws Exception {
        String email = "ada@alpha.test";
        var signUp = site.accounts.accounts().signUp(alpha.id(), email, SiteHarness.PASSWORD, "Ada");
        site.accounts.accounts().verifyEmail(alpha.id(), signUp.verificationToken()).orElseThrow();
        HttpResponse<String> form = site.get("alpha.localhost", "/signin");
        String csrfCookie = cookie(form, Cookies.CSRF).orElseThrow();
        String token = SiteHarness.csrfToken(form.body()).orElseThrow();
        String cookieHeader = Cookies.CSRF + "=" + csrfCookie;

        Map<String, String> fields = new LinkedHashMap<>(Map.of("email", email, "password", SiteHarness.PASSWORD));
        HttpResponse<String> missing = site.postUrlEncoded("alpha.localhost", "/signin", cookieHeader, fields);
        fields.put("csrf", token + "0");
        HttpResponse<String> wrong = site.postUrlEncoded("alpha.localhost", "/signin", cookieHeader, fields);
        fields.put("csrf", token);
        HttpResponse<String> withoutCookie = site.postUrlEncoded("alpha.localhost", "/signin", null, fields);

        for (HttpResponse<String> refused : List.of(missing, wrong, withoutCookie)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(cookie(refused, Cookies.SESSION)).isEmpty();
        }
        assertThat(site.accounts.sessions().list(alpha.id(), signUp.account().id())).isEmpty();

        HttpResponse<String> accepted = site.postUrlEncoded("alpha.localhost", "/signin", cookieHeader, fields);
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(cookie(accepted, Cookies.SESSION)).isPresent();
    }

    @Test
    void aSessionCookieOfOneTenantSignsNobodyInOnAnotherTenantsHost() throws Exception {
        String alphaAdmin = site.signInAsAdmin(alpha);
        assertThat(site.get("alpha.localhost", "/", alphaAdmin).body()).contains("href=\"/account\"");

        HttpResponse<String> home = site.get("beta.localhost", "/", alphaAdmin);
        HttpResponse<String> admin = site.get("beta.localhost", "/admin", alphaAdmin);
        HttpResponse<String> account = site.get("beta.localhost", "/account", alphaAdmin);

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Beta Films", "href=\"/signin\"").doesNotContain("href=\"/account\"");
        assertThat(admin.statusCode()).isEqualTo(303);
        assertThat(admin.headers().firstValue("Location")).hasValueSatisfying(
                v -> assertThat(v).endsWith("/signin?next=%2Fadmin"));
        assertThat(account.statusCode()).isEqualTo(303);
        assertThat(site.get("alpha.localhost", "/admin", alphaAdmin).statusCode())
                .as("still signed in on its own tenant").isEqualTo(200);
    }

    @Test
    void theOperatorApiNeedsAnOperatorTokenAndIsNotServedOnTenantHosts() throws Exception {
        String path = "/api/v1/operator/deployments";
        String token = site.accounts.operatorTokens().create("session pages test").token();
        String tenantToken = site.accounts.apiTokens() == null ? null : "atl_" + "x".repeat(40);

        HttpResponse<String> none = site.get("localhost", path);
        HttpResponse<String> bad = site.getWithHeaders("localhost", path, "Authorization", "Bearer atlop_not-a-token");
        HttpResponse<String> wrongKind = site.getWithHeaders("localhost", path, "Authorization",
                "Bearer " + tenantToken);

        for (HttpResponse<String> refused : List.of(none, bad, wrongKind)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(refused.body()).contains("\"status\":401");
        }
        assertThat(site.getWithHeaders("localhost", path, "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(200);
        HttpResponse<String> onTenant = site.getWithHeaders("alpha.localhost", path, "Authorization",
                "Bearer " + token);
        assertThat(onTenant.statusCode()).isEqualTo(404);
        assertThat(onTenant.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(onTenant.body()).doesNotContain("\"items\"");
        assertThat(site.get("alpha.localhost", path).statusCode()).isEqualTo(404);
    }

    @Test
    void anEndedSessionCookieGetsTheSignedOutPageAndIsCleared() throws Exception {
        String user = site.signInAsUser(alpha);
        HttpResponse<String> live = site.get("alpha.localhost", "/", user);
        assertThat(live.body()).contains("href=\"/account\"");
        assertThat(cookie(live, Cookies.SESSION)).isEmpty();

        assertThat(site.accounts.sessions().revoke(alpha.id(), SiteHarness.sessionValue(user))).isTrue();
        HttpResponse<String> ended = site.get("alpha.localhost", "/", user);

        assertThat(ended.statusCode()).isEqualTo(200);
        assertThat(ended.body()).contains("href=\"/signin\"").doesNotContain("href=\"/account\"");
        assertThat(ended.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith(Cookies.SESSION + "=;").containsIgnoringCase("Max-Age=0"));
        HttpResponse<String> account = site.get("alpha.localhost", "/account", user);
        assertThat(account.statusCode()).isEqualTo(303);
        assertThat(account.headers().firstValue("Location")).hasValueSatisfying(
                v -> assertThat(v).endsWith("/signin?next=%2Faccount"));
    }

    private static Map<String, String> brandingForm(String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("tagline", "");
        form.put("theme", "default");
        for (String f : new String[] {"primary", "on_primary", "accent", "background", "surface", "text", "muted"}) {
            form.put("color_" + f, "#abcdef");
        }
        form.put("font_heading", "Georgia, serif");
        form.put("font_body", "system-ui");
        form.put("action", "save");
        return form;
    }

    /** The value a response sets for the named cookie, when it sets a non-empty one. */
    private static Optional<String> cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1).split(";", 2)[0])
                .filter(v -> !v.isEmpty())
                .findFirst();
    }
}
