package dev.atelier.launcher.accounts;

import static dev.atelier.launcher.accounts.AccountSite.PASSWORD;
import static dev.atelier.launcher.accounts.AccountSite.TENANT_NAME;
import static dev.atelier.launcher.accounts.AccountSite.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Guessing one account's password is paused after a few tries, on the page and in the JSON API. */
class SignInRateLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sign-in attempts one account allows before the pause (the default limit). */
    private static final int ALLOWED = 10;

    private AccountSite site;

    @BeforeEach
    void start() throws Exception {
        site = AccountSite.start();
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void manyWrongPasswordsForOneEmailPauseSignInWithAFriendlyPageAndRetryAfter() throws Exception {
        site.signedUp("Ada", "ada@example.com").forgetCookies();
        Visitor guesser = site.visitor();
        for (int i = 0; i < ALLOWED; i++) {
            assertThat(signIn(guesser, "ada@example.com", "guess number " + i).statusCode()).as("guess %d", i)
                    .isEqualTo(401);
        }

        HttpResponse<String> paused = signIn(guesser, "ada@example.com", "guess number 11");
        HttpResponse<String> evenTheRightOne = signIn(site.visitor(), "ada@example.com", PASSWORD);

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
        Visitor guesser = site.visitor();
        for (int i = 0; i < ALLOWED; i++) {
            assertThat(signIn(guesser, variants[i % variants.length], "guess number " + i).statusCode())
                    .as("guess %d", i).isEqualTo(401);
        }

        HttpResponse<String> paused = signIn(guesser, "ad\uFF41@EXAMPLE.com", "guess number 11");

        assertThat(paused.statusCode()).isEqualTo(429);
    }

    @Test
    void jsonSignInAnswers429ProblemWithRetryAfterWhenGuessedTooOften() throws Exception {
        site.signedUp("Ada", "ada@example.com").forgetCookies();
        Visitor script = site.visitor();
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
}
