package dev.atelier.billing.payments;

/** A checkout asked for an offer the tenant does not have (a wrong id, or a plan that was archived). */
public final class UnknownOfferException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnknownOfferException(String offerId) {
        super("There is no plan or top-up called \"" + offerId + "\".");
    }
}
