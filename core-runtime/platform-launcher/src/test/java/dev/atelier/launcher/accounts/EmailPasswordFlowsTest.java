package dev.atelier.launcher.accounts;

import static dev.atelier.launcher.accounts.AccountSite.PASSWORD;
import static dev.atelier.launcher.accounts.AccountSite.SUPPORT_EMAIL;
import static dev.atelier.launcher.accounts.AccountSite.TENANT_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.Mail;
import dev.atelier.launcher.platform.Mailbox;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.web.auth.Cookies;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sign-up, confirmation, sign-in and -out, password reset and email change, as a person does them in a browser. */
class EmailPasswordFlowsTest {

    private static final String NEW_PASSWORD = "quiet harbour kite 37";
    private static final String VERIFY_SUBJECT = "Confirm your email address for " + TENANT_NAME;

    @RegisterExtension
    final TestPlatform platform = AccountSite.builder().build();
    private final AccountSite site = new AccountSite(platform);

    @Test
    void signUpMailsAWelcomeAndAConfirmationLinkThatVerifiesTheAccountAndSignInWorksAfterSigningOut()
            throws Exception {
        Browser ada = site.visitor();

        HttpResponse<String> signedUp = ada.signUp("Ada Lovelace", "ada@example.com", PASSWORD);

        assertThat(signedUp.statusCode()).isEqualTo(303);
        assertThat(location(signedUp)).isEqualTo("/signup/done");
        assertThat(ada.cookie(Cookies.SESSION)).isPresent();
        Mail welcome = site.awaitMail("ada@example.com", "Welcome to " + TENANT_NAME);
        Mail verification = site.awaitMail("ada@example.com", VERIFY_SUBJECT);
        for (Mail mail : List.of(welcome, verification)) {
            assertThat(mail.fromName()).isEqualTo(TENANT_NAME);
            assertThat(mail.fromAddress()).isEqualTo(SUPPORT_EMAIL);
        }
        assertThat(welcome.text()).contains("Hello Ada Lovelace,");
        assertThat(verification.linkAuthority()).isEqualTo(AccountSite.HOST + ":" + site.platform().port());
        assertThat(ada.get("/account").body()).contains("Not confirmed yet");

        HttpResponse<String> confirmed = ada.get(verification.linkPath());

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Your email is confirmed");
        String account = ada.get("/account").body();
        assertThat(account).contains("ada@example.com").contains("status-ok\">Verified")
                .doesNotContain("Not confirmed yet");

        HttpResponse<String> signedOut = ada.submit("/account", "/signout", Map.of());

        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(location(signedOut)).isEqualTo("/?done=signed-out");
        assertThat(ada.cookie(Cookies.SESSION)).isEmpty();
        assertThat(location(ada.get("/account"))).isEqualTo("/signin?next=%2Faccount");

        HttpResponse<String> signedIn = ada.signIn("ada@example.com", PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(location(signedIn)).isEqualTo("/create");
        HttpResponse<String> back = ada.get("/account");
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("ada@example.com").contains("status-ok\">Verified");
        assertThat(ada.get(verification.linkPath()).statusCode()).as("the link works once").isEqualTo(410);
    }

    @Test
    void aNewConfirmationLinkCanBeAskedForFromTheSiteAndConfirmsTheAccount() throws Exception {
        Browser ada = site.signedUp("Ada", "ada@example.com");
        site.awaitMail("ada@example.com", VERIFY_SUBJECT);

        HttpResponse<String> resent = ada.submit("/account", "/account/verify/resend", Map.of());

        assertThat(resent.statusCode()).isEqualTo(303);
        assertThat(location(resent)).isEqualTo("/account?done=verify-sent");
        await().atMost(AccountSite.PATIENCE).until(() -> site.mailsTo("ada@example.com").stream()
                .filter(m -> m.subject().equals(VERIFY_SUBJECT)).count() == 2);
        Mail second = site.mailsTo("ada@example.com").stream().filter(m -> m.subject().equals(VERIFY_SUBJECT))
                .reduce((first, last) -> last).orElseThrow();
        assertThat(ada.get(second.linkPath()).statusCode()).isEqualTo(200);
        assertThat(ada.get("/account").body()).contains("status-ok\">Verified");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameMessageAndStatus() throws Exception {
        site.signedUp("Grace", "grace@example.com");
        Browser stranger = site.visitor();

        HttpResponse<String> wrongPassword = stranger.signIn("grace@example.com", "not her password at all");
        HttpResponse<String> unknownEmail = stranger.signIn("nobody@example.com", "not her password at all");

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownEmail.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).contains("That email and password don&#39;t match an account.");
        assertThat(wrongPassword.body().replace("grace@example.com", "EMAIL"))
                .isEqualTo(unknownEmail.body().replace("nobody@example.com", "EMAIL"));
        assertThat(stranger.cookie(Cookies.SESSION)).isEmpty();
    }

    @Test
    void resetRequestAnswersAlikeForARegisteredAndAnUnknownEmailAndMailsOnlyTheOwner() throws Exception {
        site.signedUp("Hedy", "hedy@example.com");
        site.awaitMail("hedy@example.com", VERIFY_SUBJECT);
        Browser visitor = site.visitor();

        HttpResponse<String> registered = visitor.submit("/reset", "/reset", Map.of("email", "hedy@example.com"));
        HttpResponse<String> unknown = visitor.submit("/reset", "/reset", Map.of("email", "nobody@example.com"));

        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(registered.body()).contains("If an account exists for <strong>hedy@example.com</strong>");
        assertThat(registered.body().replace("hedy@example.com", "EMAIL"))
                .isEqualTo(unknown.body().replace("nobody@example.com", "EMAIL"));
        site.awaitMail("hedy@example.com", "Reset your " + TENANT_NAME + " password");
        await().during(Duration.ofMillis(10 * Mailbox.POLL.toMillis())).atMost(Duration.ofSeconds(5))
                .until(() -> site.mailsTo("nobody@example.com").isEmpty());
    }

    @Test
    void mailedResetLinkSetsANewPasswordOnceAndSignsOutEveryOldSession() throws Exception {
        Browser laptop = site.signedUp("Hedy", "hedy@example.com");
        Browser phone = site.visitor();
        assertThat(phone.signIn("hedy@example.com", PASSWORD).statusCode()).isEqualTo(303);
        Browser forgetful = site.visitor();
        forgetful.submit("/reset", "/reset", Map.of("email", "hedy@example.com"));
        Mail reset = site.awaitMail("hedy@example.com", "Reset your " + TENANT_NAME + " password");
        String link = reset.linkPath();
        assertThat(link).startsWith("/reset/confirm?token=");
        String token = URLDecoder.decode(link.substring(link.indexOf('=') + 1), StandardCharsets.UTF_8);

        assertThat(forgetful.get(link).statusCode()).isEqualTo(200);
        HttpResponse<String> changed = forgetful.submit(link, "/reset/confirm",
                Map.of("token", token, "newPassword", NEW_PASSWORD));

        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(location(changed)).isEqualTo("/account?done=password-reset");
        assertThat(forgetful.get("/account").statusCode()).isEqualTo(200);
        assertThat(location(laptop.get("/account"))).as("the laptop's old session").startsWith("/signin");
        assertThat(location(phone.get("/account"))).as("the phone's old session").startsWith("/signin");

        Browser again = site.visitor();
        HttpResponse<String> reused = again.submit(link, "/reset/confirm",
                Map.of("token", token, "newPassword", "another new password 55"));

        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(reused.body()).contains("expired");
        assertThat(again.cookie(Cookies.SESSION)).isEmpty();
        assertThat(site.visitor().signIn("hedy@example.com", PASSWORD).statusCode()).isEqualTo(401);
        assertThat(site.visitor().signIn("hedy@example.com", "another new password 55").statusCode())
                .isEqualTo(401);
        assertThat(site.visitor().signIn("hedy@example.com", NEW_PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void signingInIssuesANewSessionCookieAndTheOneFromBeforeStopsWorking() throws Exception {
        Browser ada = site.signedUp("Ada", "ada@example.com");
        String before = ada.cookie(Cookies.SESSION).orElseThrow();
        Browser copy = site.visitor();
        copy.setCookie(Cookies.SESSION, before);
        assertThat(copy.get("/account").statusCode()).as("the copied cookie works before").isEqualTo(200);

        // Signing in again from the same browser, with its current session's token on the form.
        HttpResponse<String> signedIn = ada.submit("/account", "/signin",
                Map.of("email", "ada@example.com", "password", PASSWORD));

        assertThat(signedIn.statusCode()).isEqualTo(303);
        String after = ada.cookie(Cookies.SESSION).orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(ada.get("/account").statusCode()).isEqualTo(200);
        HttpResponse<String> old = copy.get("/account");
        assertThat(old.statusCode()).isEqualTo(303);
        assertThat(location(old)).startsWith("/signin");
        assertThat(copy.cookie(Cookies.SESSION)).as("the site drops the ended session's cookie").isEmpty();
    }

    @Test
    void signingInWithACookiePlantedBeforehandDoesNotSignInThePlantedSession() throws Exception {
        Browser attacker = site.signedUp("Mallory", "mallory@example.com");
        String planted = attacker.cookie(Cookies.SESSION).orElseThrow();
        site.signedUp("Ada", "ada@example.com").forgetCookies();
        Browser victim = site.visitor();
        victim.setCookie(Cookies.SESSION, planted);

        HttpResponse<String> signedIn = victim.submit("/account", "/signin",
                Map.of("email", "ada@example.com", "password", PASSWORD));

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(victim.cookie(Cookies.SESSION)).hasValueSatisfying(v -> assertThat(v).isNotEqualTo(planted));
        assertThat(victim.get("/account").body()).contains("ada@example.com");
        Browser later = site.visitor();
        later.setCookie(Cookies.SESSION, planted);
        assertThat(later.get("/account").statusCode()).as("the planted cookie after the victim signed in")
                .isEqualTo(303);
    }

    @Test
    void emailChangeIsConfirmedFromTheNewAddressAndTheOldAddressIsTold() throws Exception {
        Browser ada = site.signedUp("Ada", "ada@example.com");
        site.verify(ada, "ada@example.com");

        HttpResponse<String> refused = ada.submit("/account", "/account/email",
                Map.of("newEmail", "ada@lovelace.example", "currentPassword", "not my password at all"));
        HttpResponse<String> requested = ada.submit("/account", "/account/email",
                Map.of("newEmail", "ada@lovelace.example", "currentPassword", PASSWORD));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("That is not your current password.");
        assertThat(requested.statusCode()).isEqualTo(303);
        assertThat(location(requested)).isEqualTo("/account?done=email-sent");
        Mail confirmation = site.awaitMail("ada@lovelace.example", VERIFY_SUBJECT);
        assertThat(confirmation.linkPath()).startsWith("/account/email/confirm?token=");
        assertThat(site.account("ada@example.com")).as("unchanged until confirmed").isPresent();

        HttpResponse<String> confirmed = ada.get(confirmation.linkPath());

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Your new email is confirmed").contains("ada@lovelace.example");
        Mail notice = site.awaitMail("ada@example.com", "Your " + TENANT_NAME + " email address was changed");
        assertThat(notice.fromAddress()).isEqualTo(SUPPORT_EMAIL);
        assertThat(ada.get("/account").body()).contains("ada@lovelace.example");
        assertThat(site.account("ada@example.com")).isEmpty();
        assertThat(site.visitor().signIn("ada@example.com", PASSWORD).statusCode()).isEqualTo(401);
        assertThat(site.visitor().signIn("ada@lovelace.example", PASSWORD).statusCode()).isEqualTo(303);
        assertThat(ada.get(confirmation.linkPath()).statusCode()).as("the link works once").isEqualTo(410);
        assertThat(site.mailsTo("ada@lovelace.example")).hasSize(1);
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(EmailPasswordFlowsTest::pathOf).orElse("");
    }

    // Locations may be absolute; the tests compare the path and query.
    private static String pathOf(String location) {
        java.net.URI uri = java.net.URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
