package dev.atelier.launcher.signin;

import static dev.atelier.launcher.platform.Browser.location;
import static dev.atelier.launcher.platform.Browser.setsCookie;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.atelier.accounts.Account;
import dev.atelier.accounts.audit.AuditActor;
import dev.atelier.launcher.HeadlessChromium;
import dev.atelier.launcher.PolicyViolations;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestPlatform;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Sign in with Google" end to end over HTTP: the platform talks OpenID Connect to a real provider
 * (mock-oauth2-server standing in for Google), and the test plays the browser between the two.
 */
class GoogleSignInTest {

    private static final String ISSUER_ID = TestPlatform.googleIssuerId();
    private static final String CLIENT_ID = "lumen-web.apps.example";
    private static final String GOOGLE_SITE = "lumen";
    private static final String PLAIN_SITE = "quill";
    private static final String OTHER_GOOGLE_SITE = "ember";
    private static final String SIGN_IN_FAILED =
            "Google sign-in did not work. Please try again or use your email and password.";
    private static final String ATTEMPT_EXPIRED =
            "That Google sign-in attempt expired or did not start here. Please try again.";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder()
            .google()
            .tenant(GOOGLE_SITE, """
                    slug: lumen
                    name: Lumen
                    support_email: help@lumen.example
                    sign_in:
                      google: {client_id: "%s", client_secret: "lumen-client-secret"}
                    """.formatted(CLIENT_ID))
            .tenant(OTHER_GOOGLE_SITE, """
                    slug: ember
                    name: Ember
                    support_email: help@ember.example
                    sign_in:
                      google: {client_id: "ember-web.apps.example", client_secret: "ember-client-secret"}
                    """)
            .tenant(PLAIN_SITE, """
                    slug: quill
                    name: Quill
                    support_email: help@quill.example
                    """)
            .build();

    private static MockOAuth2Server google() {
        return platform.google();
    }

    @Test
    void firstGoogleSignInCreatesASignedInAccountAndLandsOnTheRequestedPage() throws Exception {
        Browser browser = platform.browser(GOOGLE_SITE);
        googleSays("sub-ada", Map.of("email", "ada@lumen-users.example", "email_verified", true,
                "name", "Ada Lovelace"));

        HttpResponse<String> landed = browser.get(callbackOf(authorize(browser, "/gallery")));

        assertThat(landed.statusCode()).isEqualTo(303);
        assertThat(browser.redirect(landed)).isEqualTo("/gallery");
        assertThat(browser.cookie("atelier_session")).isPresent();
        assertThat(browser.cookie("atelier_oidc")).as("the pending sign-in is dropped once used").isEmpty();
        JsonNode me = browser.me();
        assertThat(me.required("email").asText()).isEqualTo("ada@lumen-users.example");
        assertThat(me.required("display_name").asText()).isEqualTo("Ada Lovelace");
        assertThat(me.required("email_verified").asBoolean()).isTrue();
        HttpResponse<String> account = browser.get("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("Connected as ada@lumen-users.example");

        // Signing in with Google again, from another browser, returns to the same account.
        Browser later = platform.browser(GOOGLE_SITE);
        googleSays("sub-ada", Map.of("email", "ada@lumen-users.example", "email_verified", true));
        HttpResponse<String> again = later.get(callbackOf(authorize(later, "/create")));
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(later.me().required("id").asText()).isEqualTo(me.required("id").asText());
    }

    @Test
    void aRealBrowserGoesToGoogleAndBackUnderTheSitesContentSecurityPolicy() {
        googleSays("sub-lin", Map.of("email", "lin@lumen-users.example", "email_verified", true, "name", "Lin"));
        String site = "http://" + TestPlatform.hostOf(GOOGLE_SITE) + ":" + platform.port();
        try (HeadlessChromium chromium = HeadlessChromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            PolicyViolations violations = PolicyViolations.watch(context);
            Page page = context.newPage();
            page.navigate(site + "/signin");

            // A link, not a form: the redirects to Google and back are not subject to form-action.
            page.click("a.btn-google");
            page.waitForURL(url -> url.startsWith(site) && !url.contains("/signin"));
            page.navigate(site + "/account");

            assertThat(page.content()).contains("Connected as lin@lumen-users.example");
            assertThat(violations.seen()).isEmpty();
        }
    }

    @Test
    void googleSignInLinksThePasswordAccountWithTheSameConfirmedEmailInsteadOfMakingASecond() throws Exception {
        Browser owner = platform.browser(GOOGLE_SITE).signedUp("grace@lumen-users.example");
        String accountId = owner.me().required("id").asText();
        platform.accounts().confirmEmail(GOOGLE_SITE, owner);

        Browser browser = platform.browser(GOOGLE_SITE);
        googleSays("sub-grace", Map.of("email", "Grace@Lumen-Users.example", "email_verified", true,
                "name", "Grace Hopper"));
        HttpResponse<String> landed = browser.get(callbackOf(authorize(browser, "/gallery")));

        assertThat(landed.statusCode()).isEqualTo(303);
        assertThat(browser.redirect(landed)).isEqualTo("/account?done=google-linked");
        assertThat(browser.me().required("id").asText()).isEqualTo(accountId);
        String page = browser.get("/account").body();
        assertThat(page).contains("Connected as grace@lumen-users.example");
        assertThat(page).as("the password still works beside Google").contains("action=\"/account/password\"");
        HttpResponse<String> withPassword = platform.browser(GOOGLE_SITE)
                .signIn("grace@lumen-users.example", Browser.PASSWORD);
        assertThat(withPassword.statusCode()).isEqualTo(303);
    }

    @Test
    void googleSignInTakesAnUnconfirmedPasswordAccountAwayFromWhoeverRegisteredTheAddress() throws Exception {
        Browser squatter = platform.browser(GOOGLE_SITE).signedUp("linus@lumen-users.example");
        String accountId = squatter.me().required("id").asText();

        Browser owner = platform.browser(GOOGLE_SITE);
        googleSays("sub-linus", Map.of("email", "linus@lumen-users.example", "email_verified", true));
        HttpResponse<String> landed = owner.get(callbackOf(authorize(owner, "/gallery")));

        assertThat(landed.statusCode()).isEqualTo(303);
        JsonNode me = owner.me();
        assertThat(me.required("id").asText()).isEqualTo(accountId);
        assertThat(me.required("email_verified").asBoolean()).isTrue();
        assertThat(squatter.get("/api/v1/account").statusCode()).as("the squatter's session").isEqualTo(401);
        assertThat(platform.browser(GOOGLE_SITE).signIn("linus@lumen-users.example", Browser.PASSWORD)
                .statusCode()).as("the squatter's password").isEqualTo(401);
        assertThat(owner.get("/account").body()).contains("You sign in with Google.");
    }

    @Test
    void aSuspendedAccountIsToldSoInsteadOfLandingSignedOut() throws Exception {
        Account account = platform.accounts().confirmed(GOOGLE_SITE, "mary@lumen-users.example");
        platform.atelier().accounts().suspensions().suspend(account.tenantId(), account.id(),
                new AuditActor("acc_admin", "admin@lumen-users.example", "req_test"), "test");
        Browser browser = platform.browser(GOOGLE_SITE);
        googleSays("sub-mary", Map.of("email", "mary@lumen-users.example", "email_verified", true));

        HttpResponse<String> refused = browser.get(callbackOf(authorize(browser, "/gallery")));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("This account is suspended");
        assertSignedOut(browser, refused);
    }

    @Test
    void linkingGoogleEndsTheSessionsAndApiTokensMadeBeforeIt() throws Exception {
        Browser before = platform.browser(GOOGLE_SITE).signedUp("ida@lumen-users.example");
        platform.accounts().confirmEmail(GOOGLE_SITE, before);
        HttpResponse<String> created = before.post("/api/v1/account/tokens", "application/json",
                "{\"name\":\"made before Google\"}", "X-CSRF-Token", before.me().required("csrf_token").asText());
        assertThat(created.statusCode()).isEqualTo(201);
        String token = Browser.json(created).required("token").asText();

        Browser browser = platform.browser(GOOGLE_SITE);
        googleSays("sub-ida", Map.of("email", "ida@lumen-users.example", "email_verified", true));
        HttpResponse<String> landed = browser.get(callbackOf(authorize(browser, "/gallery")));

        assertThat(browser.redirect(landed)).isEqualTo("/account?done=google-linked");
        assertThat(browser.get("/api/v1/account").statusCode()).isEqualTo(200);
        assertThat(before.get("/api/v1/account").statusCode()).as("the session from before").isEqualTo(401);
        assertThat(platform.browser(GOOGLE_SITE).get("/api/v1/account", "Authorization", "Bearer " + token)
                .statusCode()).as("the API token from before").isEqualTo(401);
    }

    @Test
    void refusesAGoogleIdentityWhoseUnknownEmailGoogleDidNotConfirm() throws Exception {
        Browser browser = platform.browser(GOOGLE_SITE);
        googleSays("sub-unconfirmed", Map.of("email", "unconfirmed@lumen-users.example", "email_verified", false));

        HttpResponse<String> refused = browser.get(callbackOf(authorize(browser, "/gallery")));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Google did not confirm your email address");
        assertSignedOut(browser, refused);
        assertThat(platform.accounts().byEmail(GOOGLE_SITE, "unconfirmed@lumen-users.example")).isEmpty();
    }

    @Test
    void refusesAnIdTokenMadeForAnotherSignInAttempt() throws Exception {
        Browser browser = platform.browser(GOOGLE_SITE);
        googleSays("sub-nonce", Map.of("email", "nonce@lumen-users.example", "email_verified", true,
                "nonce", "the-nonce-of-another-attempt"));

        HttpResponse<String> refused = browser.get(callbackOf(authorize(browser, "/gallery")));

        assertRefusedAsFailedSignIn(browser, refused, "nonce@lumen-users.example");
    }

    @Test
    void refusesAnIdTokenAddressedToAnotherClient() throws Exception {
        Browser browser = platform.browser(GOOGLE_SITE);
        googleSays("sub-audience", Map.of("email", "audience@lumen-users.example", "email_verified", true,
                "aud", List.of("someone-elses-client.apps.example")));

        HttpResponse<String> refused = browser.get(callbackOf(authorize(browser, "/gallery")));

        assertRefusedAsFailedSignIn(browser, refused, "audience@lumen-users.example");
    }

    @Test
    void refusesAnExpiredIdToken() throws Exception {
        Browser browser = platform.browser(GOOGLE_SITE);
        googleSays("sub-expired", Map.of("email", "expired@lumen-users.example", "email_verified", true,
                "exp", Instant.now().minusSeconds(3600).getEpochSecond()));

        HttpResponse<String> refused = browser.get(callbackOf(authorize(browser, "/gallery")));

        assertRefusedAsFailedSignIn(browser, refused, "expired@lumen-users.example");
    }

    @Test
    void refusesACallbackWhoseStateIsNotTheOneThisBrowserStarted() throws Exception {
        Browser browser = platform.browser(GOOGLE_SITE);
        String callback = callbackOf(authorize(browser, "/gallery"));
        String forged = callback.replaceFirst("state=[^&]*", "state=forged-state");

        HttpResponse<String> refused = browser.get(forged);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains(ATTEMPT_EXPIRED);
        assertSignedOut(browser, refused);
    }

    @Test
    void refusesACallbackInABrowserThatNeverStartedTheSignIn() throws Exception {
        Browser starter = platform.browser(GOOGLE_SITE);
        String callback = callbackOf(authorize(starter, "/gallery"));

        Browser other = platform.browser(GOOGLE_SITE);
        HttpResponse<String> refused = other.get(callback);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains(ATTEMPT_EXPIRED);
        assertSignedOut(other, refused);
    }

    @Test
    void refusesAPendingSignInCarriedOverToAnotherSite() throws Exception {
        Browser atLumen = platform.browser(GOOGLE_SITE);
        String callback = callbackOf(authorize(atLumen, "/gallery"));

        Browser atEmber = platform.browser(OTHER_GOOGLE_SITE)
                .setCookie("atelier_oidc", atLumen.cookie("atelier_oidc").orElseThrow());
        HttpResponse<String> refused = atEmber.get(callback);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains(ATTEMPT_EXPIRED);
        assertSignedOut(atEmber, refused);
    }

    @Test
    void aSiteWithoutGoogleConfiguredOffersNoGoogleSignIn() throws Exception {
        Browser browser = platform.browser(PLAIN_SITE);

        HttpResponse<String> signInPage = browser.get("/signin");
        HttpResponse<String> start = browser.get("/signin/google?next=/gallery");

        assertThat(signInPage.statusCode()).isEqualTo(200);
        assertThat(signInPage.body()).doesNotContain("/signin/google").doesNotContain("Continue with Google");
        assertThat(start.statusCode()).isEqualTo(404);
        assertThat(browser.cookie("atelier_oidc")).isEmpty();
        // The site that has it does show the button, so the absence above is not an accident of the page.
        assertThat(platform.browser(GOOGLE_SITE).get("/signin").body()).contains("/signin/google");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * What Google will say about the next user whose code is redeemed: the ID token's subject and claims. The
     * provider hands these out in order as codes are redeemed, so tests whose sign-in must stop before the code is
     * redeemed say nothing: a queued answer would go to the next test.
     */
    private static void googleSays(String subject, Map<String, Object> claims) {
        google().enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims,
                3600));
    }

    /**
     * Clicks "Continue with Google" on the site and lets Google sign the user in at once; returns where Google sends
     * the browser back to.
     */
    private static URI authorize(Browser browser, String next) throws Exception {
        HttpResponse<String> start = browser.get("/signin/google?next=" + next);
        assertThat(start.statusCode()).as("start of Google sign-in: %s", start.body()).isEqualTo(303);
        assertThat(browser.cookie("atelier_oidc")).as("pending sign-in cookie").isPresent();
        URI authorization = URI.create(location(start));
        assertThat(authorization.toString()).startsWith(google().authorizationEndpointUrl(ISSUER_ID).toString());
        HttpResponse<String> consent = Browser.visit(authorization);
        assertThat(consent.statusCode()).as("Google's answer").isEqualTo(302);
        URI back = URI.create(location(consent));
        assertThat(back.getHost() + ":" + back.getPort())
                .isEqualTo(browser.host() + ":" + platform.port());
        return back;
    }

    private static String callbackOf(URI back) {
        return back.getRawPath() + "?" + back.getRawQuery();
    }

    private static void assertRefusedAsFailedSignIn(Browser browser, HttpResponse<String> refused, String email)
            throws Exception {
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains(SIGN_IN_FAILED).contains("action=\"/signin\"");
        assertSignedOut(browser, refused);
        assertThat(platform.accounts().byEmail(GOOGLE_SITE, email)).isEmpty();
    }

    private static void assertSignedOut(Browser browser, HttpResponse<String> response) throws Exception {
        assertThat(setsCookie(response, "atelier_session")).as("a session cookie was set").isFalse();
        assertThat(browser.cookie("atelier_session")).isEmpty();
        assertThat(browser.get("/api/v1/account").statusCode()).isEqualTo(401);
    }
}
