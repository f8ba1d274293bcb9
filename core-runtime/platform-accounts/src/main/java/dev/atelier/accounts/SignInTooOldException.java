package dev.atelier.accounts;

import java.time.Duration;

/**
 * A sensitive action, such as creating a personal API token, was asked for in a session signed in longer ago than the
 * action allows: a cookie stolen yesterday must not be turned into a credential that outlives it. Callers ask the user
 * to sign in again.
 */
public final class SignInTooOldException extends RuntimeException {

    private final Duration allowed;

    public SignInTooOldException(Duration allowed) {
        super("The session must have signed in within " + allowed + ".");
        this.allowed = allowed;
    }

    /** How recent the sign-in must be. */
    public Duration allowed() {
        return allowed;
    }
}
