package dev.atelier.bot.turnstile.internal;

import dev.atelier.spi.botprotection.ChallengeAnswer;
import dev.atelier.spi.botprotection.RefusalReason;
import dev.atelier.spi.botprotection.Verdict;
import java.util.List;
import java.util.Locale;

/** Turns siteverify's answer into the platform's verdict, checking the host name and action of a pass. */
final class Verdicts {

    // Cloudflare's documented error codes (developers.cloudflare.com/turnstile/get-started/server-side-validation/).
    private static final String MISSING_RESPONSE = "missing-input-response";
    private static final String INVALID_RESPONSE = "invalid-input-response";
    private static final String TIMEOUT_OR_DUPLICATE = "timeout-or-duplicate";

    private Verdicts() {}

    static Verdict of(SiteverifyAnswer answer, ChallengeAnswer expected) {
        if (!answer.success()) {
            return refusal(answer.errorCodes());
        }
        if (answer.hostname() != null && !sameHost(answer.hostname(), expected.hostname())) {
            return Verdict.refused(RefusalReason.HOSTNAME_MISMATCH, "challenge passed on " + answer.hostname()
                    + ", expected " + expected.hostname());
        }
        if (answer.action() != null && !answer.action().equals(expected.action())) {
            return Verdict.refused(RefusalReason.ACTION_MISMATCH, "challenge passed for action " + answer.action()
                    + ", expected " + expected.action());
        }
        return Verdict.passed(answer.hostname(), answer.action(), answer.challengedAt());
    }

    // A refusal names the visitor's mistake; every other code (a wrong secret, internal-error) is ours or Cloudflare's.
    private static Verdict refusal(List<String> codes) {
        String detail = "siteverify error-codes " + codes;
        if (codes.contains(TIMEOUT_OR_DUPLICATE)) {
            return Verdict.refused(RefusalReason.EXPIRED_OR_REUSED, detail);
        }
        if (codes.contains(INVALID_RESPONSE)) {
            return Verdict.refused(RefusalReason.INVALID, detail);
        }
        if (codes.contains(MISSING_RESPONSE)) {
            return Verdict.refused(RefusalReason.MISSING, detail);
        }
        return Verdict.unavailable(detail);
    }

    private static boolean sameHost(String reported, String expected) {
        return reported.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
    }
}
