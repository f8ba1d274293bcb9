package dev.atelier.launcher.signin;

import static dev.atelier.launcher.signin.Browser.setsCookie;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.core.operators.NewOperatorToken;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may open what: a tenant's admin area is for its verified admins only, and the operator API and console are for
 * holders of an operator token, never for a tenant's users.
 */
class RolesTest {

    private static final String NORTH = "north";
    private static final String SOUTH = "south";
    private static final String BUNDLES = "/api/v1/operator/bundles";

    private static SignInPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = SignInPlatform.builder()
                .tenant(NORTH, """
                        slug: north
                        name: North Studio
                        support_email: help@north.example
                        admins: [owner@north.example, partner@north.example]
                        """)
                .tenant(SOUTH, """
                        slug: south
                        name: South Studio
                        support_email: help@south.example
                        admins: [owner@south.example]
                        """)
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    // ----- tenant admin area -------------------------------------------------------------------------------------

    @Test
    void adminPagesSendSignedOutVisitorsToSignInAndBack() throws Exception {
        Browser visitor = platform.browserOn(NORTH);

        HttpResponse<String> index = visitor.get("/admin");
        HttpResponse<String> branding = visitor.get("/admin/branding");

        assertThat(index.statusCode()).isEqualTo(303);
        assertThat(visitor.redirect(index)).isEqualTo("/signin?next=%2Fadmin");
        assertThat(branding.statusCode()).isEqualTo(303);
        assertThat(visitor.redirect(branding)).isEqualTo("/signin?next=%2Fadmin%2Fbranding");
    }

    @Test
    void adminPagesRefuseASignedInUserWhoIsNotAnAdmin() throws Exception {
        Browser user = platform.browserOn(NORTH).signedUp("visitor@users.example");
        platform.confirmEmail(NORTH, user.me().required("id").asText());

        assertThat(user.get("/admin").statusCode()).isEqualTo(403);
        assertThat(user.get("/admin/branding").statusCode()).isEqualTo(403);
        assertThat(user.me().required("admin").asBoolean()).isFalse();
    }

    @Test
    void adminPagesOpenForAVerifiedAdminNamedInTheTenantFolder() throws Exception {
        Browser owner = platform.browserOn(NORTH).signedUp("owner@north.example");
        platform.confirmEmail(NORTH, owner.me().required("id").asText());

        HttpResponse<String> index = owner.get("/admin");
        HttpResponse<String> branding = owner.get("/admin/branding");

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(branding.statusCode()).isEqualTo(200);
        assertThat(branding.body()).contains("North Studio");
        assertThat(owner.me().required("admin").asBoolean()).isTrue();
    }

    @Test
    void anAdminGrantedLaterGetsIntoTheAdminArea() throws Exception {
        Browser editor = platform.browserOn(NORTH).signedUp("editor@north.example");
        platform.confirmEmail(NORTH, editor.me().required("id").asText());
        assertThat(editor.get("/admin").statusCode()).as("before the grant").isEqualTo(403);

        platform.atelier().accounts().admins().grant(platform.tenant(NORTH).id(), "Editor@North.example");

        assertThat(editor.get("/admin").statusCode()).isEqualTo(200);
        assertThat(editor.get("/admin/branding").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminOfOneTenantIsNotAnAdminOfAnother() throws Exception {
        Browser atNorth = platform.browserOn(NORTH).signedUp("owner@south.example");
        platform.confirmEmail(NORTH, atNorth.me().required("id").asText());
        Browser atSouth = platform.browserOn(SOUTH).signedUp("owner@south.example");
        platform.confirmEmail(SOUTH, atSouth.me().required("id").asText());

        assertThat(atSouth.get("/admin").statusCode()).isEqualTo(200);
        assertThat(atNorth.get("/admin").statusCode()).isEqualTo(403);
        assertThat(atNorth.get("/admin/branding").statusCode()).isEqualTo(403);
    }

    @Test
    void anAccountWhoseAdminEmailIsNotConfirmedIsNotAnAdmin() throws Exception {
        Browser claimant = platform.browserOn(NORTH).signedUp("partner@north.example");

        assertThat(claimant.me().required("email_verified").asBoolean()).isFalse();
        assertThat(claimant.get("/admin").statusCode()).isEqualTo(403);
        assertThat(claimant.get("/admin/branding").statusCode()).isEqualTo(403);

        platform.confirmEmail(NORTH, claimant.me().required("id").asText());
        assertThat(claimant.get("/admin").statusCode()).as("once the email is confirmed").isEqualTo(200);
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
        HttpResponse<String> operatorHost = platform.browserOnHost(SignInPlatform.OPERATOR_HOST).get(BUNDLES, bearer);
        HttpResponse<String> tenantSite = platform.browserOn(NORTH).get(BUNDLES, bearer);

        assertThat(local.statusCode()).as(local.body()).isEqualTo(200);
        assertThat(local.body()).contains("\"items\"");
        assertThat(localhost.statusCode()).isEqualTo(200);
        assertThat(operatorHost.statusCode()).isEqualTo(200);
        assertThat(tenantSite.statusCode()).isEqualTo(404);
        assertThat(tenantSite.body()).doesNotContain("items");
    }

    @Test
    void aTenantUsersSessionOrApiTokenIsNoOperatorCredential() throws Exception {
        Browser owner = platform.browserOn(SOUTH).signedUp("ops-curious@south.example");
        String session = owner.cookie("atelier_session").orElseThrow();

        String apiToken = owner.submit("/account", "/account/tokens", Map.of("tokenName", "curious")).body()
                .replaceAll("(?s).*<code class=\"token-value\">([^<]+)</code>.*", "$1");
        assertThat(apiToken).startsWith("atl_");
        Browser operatorHost = platform.browserOnHost(SignInPlatform.OPERATOR_HOST).setCookie("atelier_session", session);

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
        Browser console = platform.browserOnHost(SignInPlatform.OPERATOR_HOST);
        String token = platform.atelier().accounts().operatorTokens().create("console").token();

        HttpResponse<String> before = console.get("/");
        assertThat(before.statusCode()).isEqualTo(303);
        assertThat(console.redirect(before)).isEqualTo("/operator/signin");
        assertThat(console.get("/operator/signin").statusCode()).isEqualTo(200);

        HttpResponse<String> wrong = console.postForm("/operator/signin", Map.of("token", "atlop_wrong"),
                "Origin", originOf(console));
        assertThat(wrong.statusCode()).isEqualTo(401);
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
        Browser console = platform.browserOnHost(SignInPlatform.OPERATOR_HOST);
        String token = platform.atelier().accounts().operatorTokens().create("phished").token();

        HttpResponse<String> response = console.postForm("/operator/signin", Map.of("token", token),
                "Origin", "http://evil.example");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(setsCookie(response, "atelier_operator")).isFalse();
    }

    @Test
    void theConsoleCookieAloneCannotChangeAnythingThroughTheOperatorApi() throws Exception {
        Browser console = platform.browserOnHost(SignInPlatform.OPERATOR_HOST);
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
        Browser console = platform.browserOnHost(SignInPlatform.OPERATOR_HOST);
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
