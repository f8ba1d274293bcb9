package dev.atelier.accounts;

/**
 * Sign-up with an email that already has an account in the same tenant. The message is for logs; pages must answer
 * without saying whether the email is registered.
 */
public final class EmailTakenException extends RuntimeException {

    public EmailTakenException(String tenantId) {
        super("An account with this email already exists in tenant " + tenantId + ".");
    }
}
