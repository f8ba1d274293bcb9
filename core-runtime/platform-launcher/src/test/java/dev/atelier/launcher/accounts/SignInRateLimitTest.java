package dev.atelier.launcher.accounts;

import static dev.atelier.launcher.accounts.AccountSite.PASSWORD;
import static dev.atelier.launcher.accounts.AccountSite.TENANT_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestPlatform;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Guessing one account's password is paused after a few tries, on the page and in the JSON API, without locking its
 * owner out; so are password re-checks on the account page and email-change mails.
 */
class SignInRateLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sign-in attempts one account allows from one address before the pause (the default limit). */
    private static final int ALLOWED = 10;
    /** Sign-in attempts one account allows from everywhere together (the default limit). */
    private static final int ALLOWED_FROM_EVERYWHERE = 50;
    /** Current-password checks one account allows before the pause (the default limit). */
    private static final int PASSWORD_CHECKS = 10;
    /** Email-change mails one account may ask for before the pause (the default limit). */
    private static final int EMAIL_CHANGES = 5;

    /** Clients are told apart by {@code X-Forwarded-For}, as behind a proxy, so a test can be several at once. */
    @RegisterExtension
    final TestPlatform platform = AccountSite.builder().set("atelier.http.trust-forwarded-headers", "true").build();
    private final AccountSite site = new AccountSite(platform);

    @Test
    void manyWrongPasswordsForOneEmailPauseSignInWithAFriendlyPageAndRetryAfter() throws Exception {
        site.signedUp("Ada", "ada@example.com").forgetCookies();
        Browser guesser = site.visitor();
        for (int i = 0; i < ALLOWED; i++) {
            assertThat(guesser.signIn("ada@example.com", "guess number " + i).statusCode()).as("guess %d", i)
                    .isEqualTo(401);
        }

        HttpResponse<String> paused = guesser.signIn("ada@example.com", "guess number 11");
        HttpResponse<String> evenTheRightOne = site.visitor().signIn("ada@example.com", PASSWORD);

        assertThat(paused.statusCode()).isEqualTo(429);
        assertThat(paused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(paused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(paused.body()).contains("Too many attempts").contains("For your security we paused this")
                .contains(TENANT_NAME).doesNotContain("Please wait a little");
        assertThat(evenTheRightOne.statusCode()).isEqualTo(429);
    }

    @Test
    void guessesSpreadOverWidthAndCaseVariantsOfOneEmailCountAgainstTheSameAccount() throws Exception {
        site.signedUp("Ada", "ada@example.com").forgetCookies();
        // Each of these signs in to the same account (emails are compared in NFKC, lower case).
        String[] variants = {"ada@example.com", "ADA@example.com", "\uFF41\uFF44\uFF41@example.com",
                "\uFF21da@example.com", "a\uFF24a@Example.com"};
        Browser guesser = site.visitor();
        for (int i = 0; i < ALLOWED; i++) {
            assertThat(guesser.signIn(variants[i % variants.length], "guess number " + i).statusCode())
                    .as("guess %d", i).isEqualTo(401);
        }

        HttpResponse<String> paused = guesser.signIn("ad\uFF41@EXAMPLE.com", "guess number 11");

        assertThat(paused.statusCode()).isEqualTo(429);
    }

    @Test
    void jsonSignInAnswers429ProblemWithRetryAfterWhenGuessedTooOften() throws Exception {
        site.signedUp("Ada", "ada@example.com").forgetCookies();
        Browser script = site.visitor();
        String guess = "{\"email\":\"ada@example.com\",\"password\":\"a wrong guess\"}";
        for (int i = 0; i < ALLOWED; i++) {
            HttpResponse<String> wrong = script.postJson("/api/v1/auth/signin", guess, Map.of());
            assertThat(wrong.statusCode()).as("guess %d", i).isEqualTo(401);
        }

        HttpResponse<String> paused = script.postJson("/api/v1/auth/signin", guess, Map.of());

        assertThat(paused.statusCode()).isEqualTo(429);
        assertThat(paused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(paused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        JsonNode problem = JSON.readTree(paused.body());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asText()).contains("Too many sign-in attempts");
    }

    @Test
    void guessesFromOneAddressPauseThatAddressButNotTheOwnerSigningInFromAnother() throws Exception {
        site.signedUp("Ada", "ada@example.com").forgetCookies();
        Browser guesser = site.visitor().from("198.51.100.7");
        for (int i = 0; i < ALLOWED; i++) {
            guesser.signIn("ada@example.com", "guess number " + i);
        }

        HttpResponse<String> paused = guesser.signIn("ada@example.com", PASSWORD);
        Browser owner = site.visitor().from("203.0.113.5");
        HttpResponse<String> ownerSignsIn = owner.signIn("ada@example.com", PASSWORD);

        assertThat(paused.statusCode()).isEqualTo(429);
        assertThat(ownerSignsIn.statusCode()).isEqualTo(303);
        assertThat(owner.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void whenGuessesFromManyAddressesPauseAnEmailThePasswordResetStillSignsItsOwnerIn() throws Exception {
        site.signedUp("Ada", "ada@example.com").forgetCookies();
        for (int i = 0; i < ALLOWED_FROM_EVERYWHERE; i++) {
            Browser guesser = site.visitor().from("198.51.100." + (i / ALLOWED + 1));
            assertThat(guesser.signIn("ada@example.com", "guess number " + i).statusCode()).as("guess %d", i)
                    .isEqualTo(401);
        }
        Browser owner = site.visitor().from("203.0.113.5");
        assertThat(owner.signIn("ada@example.com", PASSWORD).statusCode()).as("the email is paused").isEqualTo(429);

        HttpResponse<String> reset = site.resetPassword(owner, "ada@example.com", "a fresh start phrase 12", 1);

        assertThat(reset.statusCode()).isEqualTo(303);
        assertThat(owner.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongCurrentPasswordsOnTheAccountPageArePausedWithAFriendlyPage() throws Exception {
        Browser ada = site.signedUp("Ada", "ada@example.com");
        Map<String, String> guess = Map.of("currentPassword", "a wrong guess", "newPassword", "whatever comes 55");
        for (int i = 0; i < PASSWORD_CHECKS; i++) {
            assertThat(ada.submit("/account", "/account/password", guess).statusCode()).as("guess %d", i)
                    .isEqualTo(403);
        }

        HttpResponse<String> paused = ada.submit("/account", "/account/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "whatever comes 55"));
        HttpResponse<String> deletion = ada.submit("/account", "/account/delete",
                Map.of("currentPassword", PASSWORD, "confirm", "DELETE"));

        for (HttpResponse<String> refused : java.util.List.of(paused, deletion)) {
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Long.parseLong(seconds)).isPositive());
            assertThat(refused.body()).contains("Too many attempts").contains(TENANT_NAME);
        }
        assertThat(site.account("ada@example.com")).isPresent();
        assertThat(site.visitor().from("203.0.113.5").signIn("ada@example.com", PASSWORD).statusCode())
                .isEqualTo(303);
    }

    @Test
    void emailChangeMailsArePausedAfterAFew() throws Exception {
        Browser ada = site.signedUp("Ada", "ada@example.com");
        for (int i = 0; i < EMAIL_CHANGES; i++) {
            assertThat(ada.submit("/account", "/account/email", Map.of("newEmail", "ada" + i + "@elsewhere.example",
                    "currentPassword", PASSWORD)).statusCode()).as("change %d", i).isEqualTo(303);
        }

        HttpResponse<String> paused = ada.submit("/account", "/account/email",
                Map.of("newEmail", "ada-last@elsewhere.example", "currentPassword", PASSWORD));

        assertThat(paused.statusCode()).isEqualTo(429);
        assertThat(paused.headers().firstValue("Retry-After")).isPresent();
        site.awaitMail("ada4@elsewhere.example", "Confirm your email address for " + TENANT_NAME);
        assertThat(site.mailsTo("ada-last@elsewhere.example")).isEmpty();
    }
}
