package dev.atelier.launcher.signin;

import static dev.atelier.launcher.platform.Browser.setsCookie;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.accounts.internal.Secrets;
import dev.atelier.accounts.operators.NewOperatorToken;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestPlatform;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who may open what: a tenant's admin area is for its verified admins only, and the operator API and console are for
 * holders of an operator token, never for a tenant's users.
 */
class RolesTest {

    private static final String NORTH = "north";
    private static final String SOUTH = "south";
    private static final String BUNDLES = "/api/v1/operator/bundles";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder()
            .tenant(NORTH, """
                    slug: north
                    name: North Studio
                    support_email: help@north.example
                    admins: [owner@north.example, partner@north.example, deputy@north.example]
                    """)
            .tenant(SOUTH, """
                    slug: south
                    name: South Studio
                    support_email: help@south.example
                    admins: [owner@south.example]
                    """)
            .build();

    // ----- tenant admin area -------------------------------------------------------------------------------------

    @Test
    void adminPagesSendSignedOutVisitorsToSignInAndBack() throws Exception {
        Browser visitor = platform.browser(NORTH);

        HttpResponse<String> index = visitor.get("/admin");
        HttpResponse<String> branding = visitor.get("/admin/branding");

        assertThat(index.statusCode()).isEqualTo(303);
        assertThat(visitor.redirect(index)).isEqualTo("/signin?next=%2Fadmin");
        assertThat(branding.statusCode()).isEqualTo(303);
        assertThat(visitor.redirect(branding)).isEqualTo("/signin?next=%2Fadmin%2Fbranding");
    }

    @Test
    void adminPagesRefuseASignedInUserWhoIsNotAnAdmin() throws Exception {
        Browser user = platform.browser(NORTH).signedUp("visitor@users.example");
        platform.accounts().confirmEmail(NORTH, user);

        assertThat(user.get("/admin").statusCode()).isEqualTo(403);
        assertThat(user.get("/admin/branding").statusCode()).isEqualTo(403);
        assertThat(user.me().required("admin").asBoolean()).isFalse();
    }

    @Test
    void adminPagesOpenForAVerifiedAdminNamedInTheTenantFolder() throws Exception {
        Browser owner = platform.browser(NORTH).signedUp("owner@north.example");
        platform.accounts().confirmEmail(NORTH, owner);

        HttpResponse<String> index = owner.get("/admin");
        HttpResponse<String> branding = owner.get("/admin/branding");

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(branding.statusCode()).isEqualTo(200);
        assertThat(branding.body()).contains("North Studio");
        assertThat(owner.me().required("admin").asBoolean()).isTrue();
    }

    @Test
    void anAdminGrantedLaterGetsIntoTheAdminArea() throws Exception {
        Browser editor = platform.browser(NORTH).signedUp("editor@north.example");
        platform.accounts().confirmEmail(NORTH, editor);
        assertThat(editor.get("/admin").statusCode()).as("before the grant").isEqualTo(403);

        platform.atelier().accounts().admins().grant(platform.tenant(NORTH).id(), "Editor@North.example");

        assertThat(editor.get("/admin").statusCode()).isEqualTo(200);
        assertThat(editor.get("/admin/branding").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminOfOneTenantIsNotAnAdminOfAnother() throws Exception {
        Browser atNorth = platform.browser(NORTH).signedUp("owner@south.example");
        platform.accounts().confirmEmail(NORTH, atNorth);
        Browser atSouth = platform.browser(SOUTH).signedUp("owner@south.example");
        platform.accounts().confirmEmail(SOUTH, atSouth);

        assertThat(atSouth.get("/admin").statusCode()).isEqualTo(200);
        assertThat(atNorth.get("/admin").statusCode()).isEqualTo(403);
        assertThat(atNorth.get("/admin/branding").statusCode()).isEqualTo(403);
    }

    @Test
    void anAccountWhoseAdminEmailIsNotConfirmedIsNotAnAdmin() throws Exception {
        Browser claimant = platform.browser(NORTH).signedUp("partner@north.example");

        assertThat(claimant.me().required("email_verified").asBoolean()).isFalse();
        assertThat(claimant.get("/admin").statusCode()).isEqualTo(403);
        assertThat(claimant.get("/admin/branding").statusCode()).isEqualTo(403);

        platform.accounts().confirmEmail(NORTH, claimant);
        assertThat(claimant.get("/admin").statusCode()).as("once the email is confirmed").isEqualTo(200);
    }

    @Test
    void whoeverRegistersAListedAdminEmailFirstNeverActsAsAdminAndLosesTheAccountToItsOwner() throws Exception {
        String tenantId = platform.tenant(NORTH).id();
        Browser squatter = platform.browser(NORTH).signedUp("deputy@north.example");
        String accountId = squatter.me().required("id").asText();
        HttpResponse<String> tokenForm = squatter.submit("/account", "/account/tokens", Map.of("tokenName", "keep"));
        assertThat(tokenForm.statusCode()).isEqualTo(403);
        assertThat(tokenForm.body()).doesNotContain("token-value");
        // A token left from a release that let unconfirmed accounts make them.
        String planted = plantApiToken(tenantId, accountId);

        HttpResponse<String> asToken = platform.browser(NORTH).get("/api/v1/account", "Authorization",
                "Bearer " + planted);
        HttpResponse<String> grant = grantFiveThousandCredits(accountId, planted);

        assertThat(asToken.statusCode()).isEqualTo(401);
        assertThat(grant.statusCode()).isNotIn(200, 303);
        assertThat(platform.atelier().generation().ledger().balance(tenantId, accountId)).isZero();

        // The owner takes the address back with a reset link and is an admin from then on.
        String resetToken = platform.atelier().accounts().accounts().requestPasswordReset(tenantId,
                "deputy@north.example").orElseThrow();
        Browser owner = platform.browser(NORTH);
        HttpResponse<String> reset = owner.submit("/reset/confirm?token=" + resetToken, "/reset/confirm",
                Map.of("token", resetToken, "newPassword", "the deputy's own phrase 7"));
        assertThat(reset.statusCode()).isEqualTo(303);
        assertThat(owner.me().required("admin").asBoolean()).isTrue();
        assertThat(squatter.get("/api/v1/account").statusCode()).as("the squatter's session").isEqualTo(401);
        assertThat(platform.browser(NORTH).get("/api/v1/account", "Authorization", "Bearer " + planted)
                .statusCode()).as("the planted token").isEqualTo(401);

        // Even the owner's own token does not post admin forms: forms belong to signed-in browsers.
        HttpResponse<String> created = owner.post("/api/v1/account/tokens", "application/json",
                "{\"name\":\"admin script\"}", "X-CSRF-Token", owner.me().required("csrf_token").asText());
        assertThat(created.statusCode()).isEqualTo(201);
        String ownersToken = Browser.json(created).required("token").asText();
        assertThat(grantFiveThousandCredits(accountId, ownersToken).statusCode()).isNotIn(200);
        assertThat(platform.atelier().generation().ledger().balance(tenantId, accountId)).isZero();
    }

    /** Posts the admin area's credit grant with an API token and a CSRF cookie and token the caller chose. */
    private static HttpResponse<String> grantFiveThousandCredits(String accountId, String apiToken) throws Exception {
        Browser script = platform.browser(NORTH);
        String chosen = Browser.csrfOf(script.get("/signin"));
        HttpResponse<String> grant = script.postForm("/admin/users/grant", Map.of("account", accountId,
                "amount", "5000", "reason", "Because I can", "nonce", "n0nce-of-the-script-1", "csrf", chosen),
                "Authorization", "Bearer " + apiToken);
        assertThat(grant.headers().firstValue("Location").orElse("")).doesNotContain("granted");
        return grant;
    }

    /** Stores an API token for the account straight into the database; returns the token. */
    private static String plantApiToken(String tenantId, String accountId) throws Exception {
        String token = "atl_" + "P".repeat(43);
        try (Connection connection = platform.atelier().database().dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO api_token"
                        + " (id, tenant_id, account_id, name, token_hash, prefix, created_at)"
                        + " VALUES (?, ?, ?, 'planted', ?, ?, now())")) {
            insert.setString(1, "tok_" + "0".repeat(32));
            insert.setString(2, tenantId);
            insert.setString(3, accountId);
            insert.setString(4, Secrets.sha256(token));
            insert.setString(5, token.substring(0, 8));
            insert.executeUpdate();
        }
        return token;
    }

    // ----- operator API ------------------------------------------------------------------------------------------

    @Test
    void theOperatorApiRefusesRequestsWithoutAValidOperatorToken() throws Exception {
        Browser script = platform.browserOnHost("127.0.0.1");
        NewOperatorToken revoked = platform.atelier().accounts().operatorTokens().create("old laptop");
        platform.atelier().accounts().operatorTokens().revoke(revoked.info().id());

        HttpResponse<String> none = script.get(BUNDLES);
        HttpResponse<String> unknown = script.get(BUNDLES, "Authorization", "Bearer atlop_not-a-real-token");
        HttpResponse<String> revokedAnswer = script.get(BUNDLES, "Authorization", "Bearer " + revoked.token());
        HttpResponse<String> malformed = script.get(BUNDLES, "Authorization", "Bearer something-else");

        for (HttpResponse<String> response : List.of(none, unknown, revokedAnswer, malformed)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void aValidOperatorTokenOpensTheOperatorApiOnLocalhostAndTheOperatorHostButNotOnATenantsSite()
            throws Exception {
        String token = platform.atelier().accounts().operatorTokens().create("deploy script").token();
        String[] bearer = {"Authorization", "Bearer " + token};

        HttpResponse<String> local = platform.browserOnHost("127.0.0.1").get(BUNDLES, bearer);
        HttpResponse<String> localhost = platform.browserOnHost("localhost").get(BUNDLES, bearer);
        HttpResponse<String> operatorHost = platform.browserOnHost(TestPlatform.OPERATOR_HOST).get(BUNDLES, bearer);
        HttpResponse<String> tenantSite = platform.browser(NORTH).get(BUNDLES, bearer);

        assertThat(local.statusCode()).as(local.body()).isEqualTo(200);
        assertThat(local.body()).contains("\"items\"");
        assertThat(localhost.statusCode()).isEqualTo(200);
        assertThat(operatorHost.statusCode()).isEqualTo(200);
        assertThat(tenantSite.statusCode()).isEqualTo(404);
        assertThat(tenantSite.body()).doesNotContain("items");
    }

    @Test
    void aTenantUsersSessionOrApiTokenIsNoOperatorCredential() throws Exception {
        Browser owner = platform.browser(SOUTH).signedUp("ops-curious@south.example");
        platform.accounts().confirmEmail(SOUTH, owner);
        String session = owner.cookie("atelier_session").orElseThrow();

        String apiToken = owner.submit("/account", "/account/tokens", Map.of("tokenName", "curious")).body()
                .replaceAll("(?s).*<code class=\"token-value\">([^<]+)</code>.*", "$1");
        assertThat(apiToken).startsWith("atl_");
        Browser operatorHost = platform.browserOnHost(TestPlatform.OPERATOR_HOST).setCookie("atelier_session", session);

        HttpResponse<String> withSession = operatorHost.get(BUNDLES);
        HttpResponse<String> startPage = operatorHost.get("/");
        HttpResponse<String> withApiToken = platform.browserOnHost("127.0.0.1")
                .get(BUNDLES, "Authorization", "Bearer " + apiToken);

        assertThat(withSession.statusCode()).isEqualTo(401);
        assertThat(startPage.statusCode()).isEqualTo(303);
        assertThat(operatorHost.redirect(startPage)).isEqualTo("/operator/signin");
        assertThat(withApiToken.statusCode()).isEqualTo(401);
    }

    // ----- operator console --------------------------------------------------------------------------------------

    @Test
    void theOperatorConsoleSignsInWithAPastedOperatorToken() throws Exception {
        Browser console = platform.browserOnHost(TestPlatform.OPERATOR_HOST);
        String token = platform.atelier().accounts().operatorTokens().create("console").token();

        HttpResponse<String> before = console.get("/");
        assertThat(before.statusCode()).isEqualTo(303);
        assertThat(console.redirect(before)).isEqualTo("/operator/signin");
        HttpResponse<String> form = console.get("/operator/signin");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("class=\"operator-console\"", "name=\"token\"")
                .doesNotContain("Atelier is running", "/operator/signout");

        HttpResponse<String> wrong = console.postForm("/operator/signin", Map.of("token", "atlop_wrong"),
                "Origin", originOf(console));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("role=\"alert\"", "unknown or revoked").doesNotContain("Atelier is running");
        assertThat(console.cookie("atelier_operator")).isEmpty();

        HttpResponse<String> signedIn = console.postForm("/operator/signin", Map.of("token", token),
                "Origin", originOf(console));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(console.redirect(signedIn)).isEqualTo("/");
        assertThat(console.cookie("atelier_operator")).isPresent();
        HttpResponse<String> start = console.get("/");
        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(start.body()).contains("Atelier is running");
        assertThat(console.get(BUNDLES).statusCode()).as("reading the API with the console cookie").isEqualTo(200);
    }

    @Test
    void theOperatorConsoleRefusesASignInPostedFromAnotherSite() throws Exception {
        Browser console = platform.browserOnHost(TestPlatform.OPERATOR_HOST);
        String token = platform.atelier().accounts().operatorTokens().create("phished").token();

        HttpResponse<String> response = console.postForm("/operator/signin", Map.of("token", token),
                "Origin", "http://evil.example");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(setsCookie(response, "atelier_operator")).isFalse();
    }

    @Test
    void theConsoleCookieAloneCannotChangeAnythingThroughTheOperatorApi() throws Exception {
        Browser console = platform.browserOnHost(TestPlatform.OPERATOR_HOST);
        String token = platform.atelier().accounts().operatorTokens().create("console-changes").token();
        console.postForm("/operator/signin", Map.of("token", token), "Origin", originOf(console));
        assertThat(console.cookie("atelier_operator")).isPresent();

        HttpResponse<String> delete = console.delete(BUNDLES + "/model-procedural");
        HttpResponse<String> upload = console.post(BUNDLES, "application/java-archive", "not really a jar");

        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(403);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(403);
        // The same change with the token in the header gets past the role check (and finds nothing to remove).
        assertThat(console.delete(BUNDLES + "/model-procedural", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(404);
    }

    @Test
    void revokingTheOperatorTokenEndsTheConsoleSession() throws Exception {
        Browser console = platform.browserOnHost(TestPlatform.OPERATOR_HOST);
        NewOperatorToken created = platform.atelier().accounts().operatorTokens().create("lost laptop");
        console.postForm("/operator/signin", Map.of("token", created.token()), "Origin", originOf(console));
        assertThat(console.get("/").statusCode()).isEqualTo(200);

        platform.atelier().accounts().operatorTokens().revoke(created.info().id());

        HttpResponse<String> after = console.get("/");
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(console.redirect(after)).isEqualTo("/operator/signin");
        assertThat(console.get(BUNDLES).statusCode()).isEqualTo(401);
    }

    private static String originOf(Browser browser) {
        return "http://" + browser.host() + ":" + platform.port();
    }
}
