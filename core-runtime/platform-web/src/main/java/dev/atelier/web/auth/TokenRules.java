package dev.atelier.web.auth;

import dev.atelier.accounts.SignInTooOldException;
import java.time.Duration;

/** What a person is told when creating a personal API token is refused, on the account page and in the JSON API. */
public final class TokenRules {

    public static final String CONFIRM_EMAIL_FIRST = "Confirm your email address first: API tokens are only for accounts"
            + " whose email is confirmed. Use the link we emailed you, or ask for a new one on your account page.";

    private TokenRules() {}

    public static String signInAgain(SignInTooOldException e) {
        return "For your security, API tokens can only be created within " + words(e.allowed())
                + " of signing in.";
    }

    private static String words(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes % 60 == 0) {
            return minutes == 60 ? "an hour" : minutes / 60 + " hours";
        }
        return minutes == 1 ? "a minute" : minutes + " minutes";
    }
}
