package dev.atelier.launcher.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestPlatform;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Accounts belong to one site: the same person at two sites has two unrelated accounts, and nothing that signs them
 * in at one (session cookie, API token) works at the other. Also the account page's own features: API tokens,
 * sessions, signing out everywhere, the data export and deleting the account.
 */
class CrossTenantAccountsTest {

    // Sign-ups are rate limited per site and client address, and every request here comes from 127.0.0.1:
    // the tests spread their sign-ups over three sites.
    private static final String AMBER = "amber";
    private static final String BIRCH = "birch";
    private static final String CEDAR = "cedar";
    private static final String OTHER_PASSWORD = "copper-meadow-compass-77";
    private static final Pattern TOKEN = Pattern.compile("<code class=\"token-value\">([^<]+)</code>");

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().tenants(AMBER, BIRCH, CEDAR).build();

    // ----- across sites ------------------------------------------------------------------------------------------

    @Test
    void theSameEmailSignsUpAtTwoSitesAsTwoUnrelatedAccountsWithTheirOwnPasswords() throws Exception {
        Browser atAmber = platform.browser(AMBER);
        Browser atBirch = platform.browser(BIRCH);

        HttpResponse<String> amberSignUp = atAmber.signUp("twin@people.example", Browser.PASSWORD);
        HttpResponse<String> birchSignUp = atBirch.signUp("twin@people.example", OTHER_PASSWORD);

        assertThat(amberSignUp.statusCode()).isEqualTo(303);
        assertThat(atBirch.redirect(birchSignUp)).as("not the 'already registered' answer").isEqualTo("/signup/done");
        String amberId = atAmber.me().required("id").asText();
        String birchId = atBirch.me().required("id").asText();
        assertThat(amberId).isNotEqualTo(birchId);
        assertThat(platform.browser(AMBER).signIn("twin@people.example", OTHER_PASSWORD).statusCode())
                .as("Birch's password at Amber").isEqualTo(401);
        assertThat(platform.browser(BIRCH).signIn("twin@people.example", Browser.PASSWORD).statusCode())
                .as("Amber's password at Birch").isEqualTo(401);
        Browser again = platform.browser(BIRCH);
        assertThat(again.signIn("twin@people.example", OTHER_PASSWORD).statusCode()).isEqualTo(303);
        assertThat(again.me().required("id").asText()).isEqualTo(birchId);
    }

    @Test
    void aSessionCookieOfOneSiteSignsNobodyInAtAnother() throws Exception {
        Browser atAmber = platform.browser(AMBER).signedUp("cookie-carrier@people.example");
        String session = atAmber.cookie("atelier_session").orElseThrow();

        Browser atBirch = platform.browser(BIRCH).setCookie("atelier_session", session);
        HttpResponse<String> accountPage = atBirch.get("/account");
        HttpResponse<String> api = platform.browser(BIRCH).setCookie("atelier_session", session)
                .get("/api/v1/account");

        assertThat(accountPage.statusCode()).isEqualTo(303);
        assertThat(atBirch.redirect(accountPage)).isEqualTo("/signin?next=%2Faccount");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(atAmber.get("/api/v1/account").statusCode()).as("still signed in at Amber").isEqualTo(200);
    }

    @Test
    void aPersonalApiTokenOfOneSiteIsRefusedAtAnother() throws Exception {
        Browser atAmber = platform.browser(AMBER).signedUp("token-carrier@people.example");
        String token = createToken(AMBER, atAmber, "backup script");

        HttpResponse<String> home = platform.browser(AMBER).get("/api/v1/account", bearer(token));
        HttpResponse<String> elsewhere = platform.browser(BIRCH).get("/api/v1/account", bearer(token));

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(elsewhere.statusCode()).isEqualTo(401);
        assertThat(elsewhere.body()).doesNotContain("token-carrier@people.example");
    }

    // ----- the account page ----------------------------------------------------------------------------------------

    @Test
    void anApiTokenCreatedOnTheAccountPageIsShownOnceAndWorksUntilRevoked() throws Exception {
        Browser owner = platform.browser(BIRCH).signedUp("scripter@people.example");
        platform.accounts().confirmEmail(BIRCH, owner);

        HttpResponse<String> created = owner.submit("/account", "/account/tokens", Map.of("tokenName", "nightly"));
        assertThat(created.statusCode()).isEqualTo(200);
        Matcher shown = TOKEN.matcher(created.body());
        assertThat(shown.find()).as("the new token is shown").isTrue();
        String token = shown.group(1);
        assertThat(token).startsWith("atl_");

        String later = owner.get("/account").body();
        assertThat(later).contains("nightly").doesNotContain(token);
        JsonNode viaToken = Browser.json(platform.browser(BIRCH).get("/api/v1/account", bearer(token)));
        assertThat(viaToken.required("email").asText()).isEqualTo("scripter@people.example");

        String tokenId = idIn(later, "/account/tokens/([^/\"]+)/revoke");
        HttpResponse<String> revoked = owner.submit("/account", "/account/tokens/" + tokenId + "/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(owner.redirect(revoked)).isEqualTo("/account?done=token-revoked");
        assertThat(platform.browser(BIRCH).get("/api/v1/account", bearer(token)).statusCode()).isEqualTo(401);
        assertThat(owner.get("/account").body()).doesNotContain("nightly");
    }

    @Test
    void theAccountPageListsSessionsAndSignsOutAnotherOne() throws Exception {
        Browser laptop = platform.browser(BIRCH).signedUp("two-devices@people.example");
        Browser phone = platform.browser(BIRCH)
                .userAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile Safari/604.1");
        assertThat(phone.signIn("two-devices@people.example", Browser.PASSWORD).statusCode()).isEqualTo(303);

        String page = laptop.get("/account").body();
        assertThat(page).contains("Firefox on Linux").contains("Safari on iOS").contains("This device");
        String phoneSession = idIn(page, "/account/sessions/([^/\"]+)/revoke");
        HttpResponse<String> revoked = laptop.submit("/account", "/account/sessions/" + phoneSession + "/revoke",
                Map.of());

        assertThat(laptop.redirect(revoked)).isEqualTo("/account?done=session-revoked");
        assertThat(phone.get("/api/v1/account").statusCode()).isEqualTo(401);
        assertThat(phone.redirect(phone.get("/account"))).startsWith("/signin");
        assertThat(laptop.get("/api/v1/account").statusCode()).isEqualTo(200);
        assertThat(laptop.get("/account").body()).doesNotContain("Safari on iOS");
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheAccount() throws Exception {
        Browser laptop = platform.browser(CEDAR).signedUp("leaving@people.example");
        Browser phone = platform.browser(CEDAR);
        assertThat(phone.signIn("leaving@people.example", Browser.PASSWORD).statusCode()).isEqualTo(303);

        HttpResponse<String> signedOut = laptop.submit("/account", "/signout", Map.of("everywhere", "yes"));

        assertThat(laptop.redirect(signedOut)).isEqualTo("/?done=signed-out-everywhere");
        assertThat(laptop.cookie("atelier_session")).isEmpty();
        assertThat(laptop.get("/api/v1/account").statusCode()).isEqualTo(401);
        assertThat(phone.get("/api/v1/account").statusCode()).isEqualTo(401);
    }

    @Test
    void theDataExportIsAJsonDownloadOfEverythingKeptAboutTheAccount() throws Exception {
        Browser owner = platform.browser(CEDAR).signedUp("curious@people.example");
        String token = createToken(CEDAR, owner, "export check");

        HttpResponse<String> export = owner.get("/account/export");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).startsWith("attachment"));
        JsonNode data = Browser.json(export);
        assertThat(data.required("profile").required("email").asText()).isEqualTo("curious@people.example");
        assertThat(data.required("profile").required("id").asText()).isEqualTo(owner.me().required("id").asText());
        assertThat(data.required("sign_in_methods").required("password").asBoolean()).isTrue();
        // The sign-up session, renewed when the email was confirmed, and the renewed one.
        assertThat(data.required("sessions").size()).isEqualTo(2);
        assertThat(data.required("api_tokens").size()).isEqualTo(1);
        assertThat(data.required("api_tokens").get(0).required("name").asText()).isEqualTo("export check");
        List<String> documents = new ArrayList<>();
        data.required("consents").forEach(consent -> documents.add(consent.required("document").asText()));
        assertThat(documents).containsExactlyInAnyOrder("terms", "privacy");
        assertThat(data.required("generations").isArray()).isTrue();
        assertThat(data.required("generations")).isEmpty();
        assertThat(data.required("transactions").isArray()).isTrue();
        assertThat(data.required("transactions")).isEmpty();
        assertThat(export.body()).as("no secrets").doesNotContain(token).doesNotContain(Browser.PASSWORD);
        assertThat(platform.browser(CEDAR).get("/account/export").statusCode()).as("signed out").isEqualTo(303);
    }

    @Test
    void deletingTheAccountNeedsThePasswordAndTheWordDeleteThenRemovesEverything() throws Exception {
        Browser owner = platform.browser(AMBER).signedUp("goodbye@people.example");
        String accountId = owner.me().required("id").asText();
        String token = createToken(AMBER, owner, "old script");
        String session = owner.cookie("atelier_session").orElseThrow();

        HttpResponse<String> wrongPassword = owner.submit("/account", "/account/delete",
                Map.of("currentPassword", OTHER_PASSWORD, "confirm", "DELETE"));
        assertThat(wrongPassword.statusCode()).isEqualTo(403);
        assertThat(wrongPassword.body()).contains("That is not your current password.");
        HttpResponse<String> notTyped = owner.submit("/account", "/account/delete",
                Map.of("currentPassword", Browser.PASSWORD, "confirm", "delete"));
        assertThat(notTyped.statusCode()).isEqualTo(422);
        assertThat(owner.me().required("id").asText()).as("nothing was deleted").isEqualTo(accountId);
        assertThat(platform.browser(AMBER).get("/api/v1/account", bearer(token)).statusCode()).isEqualTo(200);

        HttpResponse<String> deleted = owner.submit("/account", "/account/delete",
                Map.of("currentPassword", Browser.PASSWORD, "confirm", "DELETE"));

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).contains("Your account has been deleted");
        assertThat(owner.cookie("atelier_session")).isEmpty();
        assertThat(platform.browser(AMBER).setCookie("atelier_session", session).get("/api/v1/account")
                .statusCode()).as("the old session").isEqualTo(401);
        assertThat(platform.browser(AMBER).get("/api/v1/account", bearer(token)).statusCode())
                .as("the old API token").isEqualTo(401);
        assertThat(platform.accounts().byEmail(AMBER, "goodbye@people.example")).isEmpty();
        assertThat(platform.browser(AMBER).signIn("goodbye@people.example", Browser.PASSWORD).statusCode())
                .isEqualTo(401);

        Browser returning = platform.browser(AMBER).signedUp("goodbye@people.example");
        String newId = returning.me().required("id").asText();
        assertThat(newId).isNotEqualTo(accountId);
        assertThat(returning.get("/account").body()).contains("You have no API tokens.");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Confirms the owner's email (tokens are only for confirmed accounts), then creates a personal API token on the
     * account page and returns it as the page shows it, once.
     */
    private static String createToken(String slug, Browser owner, String name) throws Exception {
        platform.accounts().confirmEmail(slug, owner);
        HttpResponse<String> created = owner.submit("/account", "/account/tokens", Map.of("tokenName", name));
        Matcher shown = TOKEN.matcher(created.body());
        if (created.statusCode() != 200 || !shown.find()) {
            throw new IllegalStateException("no token was shown: " + created.statusCode() + " " + created.body());
        }
        return shown.group(1);
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static String idIn(String page, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("nothing matches " + regex + " on the page");
        }
        return matcher.group(1);
    }
}
