package dev.atelier.billing.payments;

/**
 * What applying one provider event did.
 *
 * @param outcome {@link Outcome#DUPLICATE} when the event had been received before (nothing changed this time)
 * @param detail one line for logs and the admin's payment history
 */
public record AppliedEvent(String eventId, Outcome outcome, String detail) {

    /** What happened to an event. */
    public enum Outcome {
        /** It changed records or credits. */
        APPLIED,
        /** It was valid but changed nothing (already known, older than what is recorded). */
        NO_CHANGE,
        /** Nothing it names is known here (an unknown customer); kept for an operator to look at. */
        UNMATCHED,
        /** Its id was received before; not applied again. */
        DUPLICATE
    }
}
