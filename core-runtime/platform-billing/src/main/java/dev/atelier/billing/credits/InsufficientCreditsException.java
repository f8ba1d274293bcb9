package dev.atelier.billing.credits;

/**
 * The account's balance does not cover the price of what was asked for (HTTP 402). Nothing was held or written.
 */
public final class InsufficientCreditsException extends RuntimeException {

    private final long balance;
    private final long price;

    public InsufficientCreditsException(long balance, long price) {
        super("Not enough credits: this costs " + price + " and the balance is " + balance + ".");
        this.balance = balance;
        this.price = price;
    }

    /** The balance when the request was refused. */
    public long balance() {
        return balance;
    }

    /** What the request would have cost. */
    public long price() {
        return price;
    }
}
