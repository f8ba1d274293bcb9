package dev.atelier.launcher.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.accounts.Account;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestAccounts;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tenant admin opens one user at {@code /admin/users/{id}}: profile, credits and their history, creations and
 * sessions; grants credits, ends a session, suspends (the person is signed out everywhere, cannot sign in, their API
 * tokens are refused) and resumes the account. Another tenant's user is 404; a user who is no admin gets 403.
 */
class AdminUserDetailTest {

    private static final String SLUG = "auratuner";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().build();
    private static Browser admin;
    private static String tenantId;

    @BeforeAll
    static void start() {
        tenantId = platform.tenantId(SLUG);
        admin = platform.browser(SLUG).signedIn(platform.accounts().signedInAdmin(SLUG, "owner@auratuner.example"));
    }

    @Test
    void theUsersPageLinksEachUserToTheirPageWithProfileCreditsCreationsAndSessions() throws Exception {
        User user = platform.user(SLUG, 30);
        String job = User.parse(user.submit("{\"model\":\"procedural\",\"prompt\":\"a lighthouse in fog\","
                + "\"parameters\":{\"width\":64,\"height\":64}}")).get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> "SUCCEEDED".equals(
                user.json("/api/v1/generations/" + job).get("status").asText()));
        Account account = account(user);

        String list = admin.get("/admin/users?q=" + account.email()).body();
        HttpResponse<String> page = admin.get("/admin/users/" + account.id());

        assertThat(list).contains("href=\"/admin/users/" + account.id() + "\"");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(account.email(), "Email confirmed", "Test credits", "+30",
                "Spent on a creation", "a lighthouse in fog", "Active sessions", "End session", "Suspend account");
        assertThat(page.body()).containsPattern("class=\"admin-thumb\"><img src=\"[^\"]+\"");
    }

    @Test
    void aGrantFromTheUserPageShowsInTheirHistoryAndBalance() throws Exception {
        User user = platform.user(SLUG, 0);
        String path = "/admin/users/" + user.accountId();
        String page = admin.get(path).body();

        HttpResponse<String> granted = admin.post("/admin/users/grant", Map.of("csrf", Browser.csrfOf(admin.get(path)),
                "account", user.accountId(), "nonce", field(page, "nonce"), "from", "detail", "amount", "12",
                "reason", "Welcome back gift"));

        assertThat(granted.statusCode()).isEqualTo(303);
        assertThat(admin.redirect(granted)).isEqualTo(path + "?done=granted");
        String after = admin.get(path + "?done=granted").body();
        assertThat(after).contains("Credits granted.", "Welcome back gift", "+12",
                "data-account=\"" + user.accountId() + "\">12<");
        assertThat(user.json("/api/v1/credits").get("balance").asLong()).isEqualTo(12);
    }

    @Test
    void suspendingEndsTheSessionsRefusesTheTokensAndSignInUntilResumed() throws Exception {
        User user = platform.user(SLUG, 0);
        Account account = account(user);
        assertThat(user.get("/account").statusCode()).isEqualTo(200);
        assertThat(user.scriptGet("/api/v1/account").statusCode()).isEqualTo(200);

        HttpResponse<String> suspended = post("/admin/users/" + account.id() + "/suspend",
                Map.of("reason", "Chargeback fraud"));

        assertThat(suspended.statusCode()).isEqualTo(303);
        assertThat(user.get("/account").statusCode()).isNotEqualTo(200);
        assertThat(user.scriptGet("/api/v1/account").statusCode()).isEqualTo(401);
        HttpResponse<String> signIn = platform.browser(SLUG).signIn(account.email(), TestAccounts.PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(403);
        assertThat(signIn.body()).contains("This account is suspended");
        assertThat(admin.get("/admin/users/" + account.id()).body()).contains("Suspended since", "Resume account",
                "Not signed in anywhere.");

        assertThat(post("/admin/users/" + account.id() + "/resume", Map.of()).statusCode()).isEqualTo(303);

        assertThat(user.scriptGet("/api/v1/account").statusCode()).isEqualTo(200);
        Browser again = platform.browser(SLUG);
        assertThat(again.signIn(account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(303);
        assertThat(again.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void endingOneSessionSignsThatBrowserOut() throws Exception {
        User user = platform.user(SLUG, 0);
        String page = admin.get("/admin/users/" + user.accountId()).body();

        HttpResponse<String> ended = post("/admin/users/" + user.accountId() + "/sessions/revoke",
                Map.of("session", field(page, "session")));

        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(user.get("/account").statusCode()).isNotEqualTo(200);
        assertThat(user.scriptGet("/api/v1/account").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminCannotSuspendThemselves() throws Exception {
        Account self = platform.accounts().byEmail(SLUG, "owner@auratuner.example").orElseThrow();

        assertThat(post("/admin/users/" + self.id() + "/suspend", Map.of("reason", "oops")).statusCode())
                .isEqualTo(409);
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherTenantsUserIsNotFoundAndAUserWhoIsNoAdminIsRefused() throws Exception {
        String other = platform.secondDemoTenant();
        User stranger = platform.user(other, 0);
        User user = platform.user(SLUG, 0);
        Browser notAdmin = platform.browser(SLUG).signedIn(platform.accounts().signedInUser(SLUG));

        assertThat(admin.get("/admin/users/" + stranger.accountId()).statusCode()).isEqualTo(404);
        assertThat(post("/admin/users/" + stranger.accountId() + "/suspend", Map.of("reason", "x")).statusCode())
                .isEqualTo(404);
        assertThat(stranger.scriptGet("/api/v1/account").statusCode()).isEqualTo(200);
        assertThat(notAdmin.get("/admin/users/" + user.accountId()).statusCode()).isEqualTo(403);
        assertThat(notAdmin.post("/admin/users/" + user.accountId() + "/suspend", Map.of("csrf",
                notAdmin.csrfOf("/account"), "reason", "x")).statusCode()).isEqualTo(403);
        assertThat(user.scriptGet("/api/v1/account").statusCode()).isEqualTo(200);
    }

    @Test
    void aSuspensionWithoutTheCsrfTokenChangesNothing() throws Exception {
        User user = platform.user(SLUG, 0);

        assertThat(admin.post("/admin/users/" + user.accountId() + "/suspend", Map.of("reason", "x")).statusCode())
                .isEqualTo(403);
        assertThat(user.scriptGet("/api/v1/account").statusCode()).isEqualTo(200);
        assertThat(platform.atelier().accounts().suspensions().suspendedAt(tenantId, user.accountId())).isEmpty();
    }

    private static HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        Map<String, String> form = new java.util.HashMap<>(fields);
        form.put("csrf", admin.csrfOf("/admin/users"));
        return admin.post(path, form);
    }

    private static Account account(User user) {
        return platform.atelier().accounts().accounts().find(tenantId, user.accountId()).orElseThrow();
    }

    private static String field(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("field %s", name).isTrue();
        return m.group(1);
    }
}
