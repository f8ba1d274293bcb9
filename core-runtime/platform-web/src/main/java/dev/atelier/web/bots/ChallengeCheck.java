package dev.atelier.web.bots;

/**
 * What the host makes of a submitted challenge: go on, or stop with a message for the visitor.
 *
 * @param outcome what happened
 * @param message for the visitor (a form error or a problem's {@code detail}); empty when the form may go on
 */
public record ChallengeCheck(Outcome outcome, String message) {

    /** The tenant binds no bot protection: nothing was checked. */
    public static final ChallengeCheck NOT_REQUIRED = new ChallengeCheck(Outcome.NOT_REQUIRED, "");
    /** The visitor passed. */
    public static final ChallengeCheck PASSED = new ChallengeCheck(Outcome.PASSED, "");

    /** How a check ended. */
    public enum Outcome {
        /** No challenge for this tenant. */
        NOT_REQUIRED,
        /** The token was a fresh pass. */
        PASSED,
        /** The token was missing or not a valid pass: the form is refused (422). */
        REFUSED,
        /** Nobody could say (vendor down, plugin missing): the form is refused for now (503). */
        UNAVAILABLE
    }

    /** Whether the form may be acted on. */
    public boolean allowsAction() {
        return outcome == Outcome.NOT_REQUIRED || outcome == Outcome.PASSED;
    }

    /** The HTTP status of a refused form: 422 for a bad or missing token, 503 when nobody could check it. */
    public int status() {
        return outcome == Outcome.UNAVAILABLE ? 503 : 422;
    }
}
