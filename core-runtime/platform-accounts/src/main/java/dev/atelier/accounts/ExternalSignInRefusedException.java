package dev.atelier.accounts;

/**
 * An external sign-in for an identity not linked yet, where the provider did not confirm the email. Without a
 * confirmed email there is no safe way to match the identity to an account or to start a new one, so nothing is
 * stored. The message is written for the person signing in.
 */
public final class ExternalSignInRefusedException extends RuntimeException {

    public ExternalSignInRefusedException(String provider) {
        super(provider + " did not confirm your email address, so we cannot sign you in with it. Confirm the address"
                + " with " + provider + " first, or sign up with your email and a password.");
    }
}
