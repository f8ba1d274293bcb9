package dev.atelier.spi.botprotection;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of {@link BotProtection#verify}: exactly one of {@link Passed}, {@link Refused} or {@link Unavailable}.
 * Details are for operators' logs, never shown to visitors, and never contain the token or a secret.
 */
public sealed interface Verdict {

    /** A pass, with what the vendor reports about it. */
    static Verdict passed(String hostname, String action, Instant challengedAt) {
        return new Passed(hostname, action, challengedAt);
    }

    /** A refusal for {@code reason}. */
    static Verdict refused(RefusalReason reason, String detail) {
        return new Refused(reason, detail);
    }

    /** The vendor could not say. */
    static Verdict unavailable(String detail) {
        return new Unavailable(detail);
    }

    /**
     * The visitor passed the challenge.
     *
     * @param hostname the host the vendor says the challenge ran on, {@code null} when it does not say
     * @param action the action the vendor says the challenge was for, {@code null} when it does not say
     * @param challengedAt when the visitor passed it, {@code null} when the vendor does not say
     */
    record Passed(String hostname, String action, Instant challengedAt) implements Verdict {}

    /**
     * The token is not a valid pass: the form is refused and the visitor asked to complete the check again.
     *
     * @param reason why
     * @param detail the vendor's words (its error codes), for logs
     */
    record Refused(RefusalReason reason, String detail) implements Verdict {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * The vendor could not be asked or did not answer in time, or the tenant's settings do not allow asking: nothing
     * is known about the visitor. The host's rule for the action decides (see the operators' documentation).
     *
     * @param detail what went wrong, for logs
     */
    record Unavailable(String detail) implements Verdict {
        public Unavailable {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
