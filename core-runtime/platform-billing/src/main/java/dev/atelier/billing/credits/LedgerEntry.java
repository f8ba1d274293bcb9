package dev.atelier.billing.credits;

import java.time.Instant;

/**
 * One movement in an account's credit ledger. Entries are never changed or removed once written.
 *
 * @param id opaque id, {@code "cre_"} followed by 32 hex digits
 * @param kind which way the credits move
 * @param amount credits moved, always positive
 * @param reason why, for people: "Sign-up bonus", "Creator plan, March"; {@code null} for holds, captures and releases
 * @param jobId the generation job a hold, capture or release belongs to; {@code null} for grants. Plain text: the job
 *     may since have been deleted
 * @param expiresAt when an unspent grant stops counting; {@code null} for never, and for every other kind
 */
public record LedgerEntry(
        String id, String tenantId, String accountId, Kind kind, long amount, String reason, String jobId,
        Instant createdAt, Instant expiresAt) {

    /** Kinds of movement. */
    public enum Kind {
        /** Credits added: sign-up bonus, plan period, top-up, goodwill. */
        GRANT,
        /** Credits set aside for a queued or running generation; they no longer count in the balance. */
        HOLD,
        /** A held generation succeeded: its hold is spent, taken from the soonest-expiring grants. */
        CAPTURE,
        /** A held generation ended otherwise (failed, canceled, expired): its hold counts in the balance again. */
        RELEASE,
        /**
         * Credits taken back: by a refund or a lost dispute of the payment that bought them, or the part of a new grant
         * that settles what an earlier refund could not take back.
         */
        REVERSAL
    }
}
