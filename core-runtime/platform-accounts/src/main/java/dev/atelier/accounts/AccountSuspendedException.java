package dev.atelier.accounts;

/**
 * The account's password was right but a tenant admin suspended the account: it may not sign in until an admin
 * resumes it. Thrown only after the password was checked, so it tells nothing to someone who does not know it.
 */
public final class AccountSuspendedException extends RuntimeException {

    public AccountSuspendedException(String accountId) {
        super("Account " + accountId + " is suspended");
    }
}
