package dev.atelier.accounts;

/**
 * Something only an account with a confirmed email may have, such as a personal API token, was asked for by an account
 * whose email is not confirmed: until then anyone could have typed that address. Callers tell the user to confirm the
 * email first.
 */
public final class EmailNotVerifiedException extends RuntimeException {

    public EmailNotVerifiedException(String accountId) {
        super("Account " + accountId + " has not confirmed its email address.");
    }
}
