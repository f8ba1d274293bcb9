package dev.atelier.accounts;

/**
 * A new account and the token of its verification link.
 *
 * @param account the account, not yet verified
 * @param verificationToken the clear token to mail; only its hash is stored, so this is the one chance to read it
 */
public record SignUp(Account account, String verificationToken) {

    @Override
    public String toString() {
        return "SignUp[account=" + account + ", verificationToken=(hidden)]";
    }
}
