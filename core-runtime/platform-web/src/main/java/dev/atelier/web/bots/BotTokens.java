package dev.atelier.web.bots;

import dev.atelier.web.problem.Problem;
import dev.atelier.web.problem.ProblemException;
import java.util.List;

/**
 * The JSON API's answer to a bot challenge that did not pass: 422 problem+json naming the field {@code bot_token} when
 * the token was missing or refused, 503 when nobody could check it right now.
 */
public final class BotTokens {

    private BotTokens() {}

    /** Returns when {@code check} lets the request go on; throws the problem to answer otherwise. */
    public static void require(ChallengeCheck check) {
        if (check.allowsAction()) {
            return;
        }
        if (check.outcome() == ChallengeCheck.Outcome.UNAVAILABLE) {
            throw new ProblemException(503, "Service Unavailable", check.message());
        }
        throw ProblemException.invalid(check.message(), List.of(new Problem.FieldError("bot_token",
                "is missing or not a valid pass of the site's bot challenge")));
    }
}
