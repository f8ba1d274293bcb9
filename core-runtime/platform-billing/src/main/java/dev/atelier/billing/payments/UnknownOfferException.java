package dev.atelier.billing.payments;

/** A checkout asked for an offer the tenant does not have (a wrong id, or a plan that was archived). */
public final class UnknownOfferException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnknownOfferException(String offerId) {
        super("There is no plan or top-up called \"" + offerId + "\".");
    }

    /** For an offer the tenant archived: it is known, but no longer sold. */
    static UnknownOfferException archived(String offerId) {
        return new UnknownOfferException(offerId, "\"" + offerId + "\" is no longer sold. Pick a plan or top-up on"
                + " the pricing page.");
    }

    private UnknownOfferException(String offerId, String message) {
        super(message);
    }
}
