package dev.atelier.accounts;

/**
 * The account an external sign-in ({@link ExternalSignIns#signIn}) signs in, and how it was found. The outcome lets
 * the web layer greet a new user, or tell an existing one that Google now signs them in too.
 *
 * @param account the account, as it is after the sign-in
 * @param outcome whether the identity was known, linked now, or came with a new account
 */
public record ExternalSignIn(Account account, Outcome outcome) {

    /** How an external sign-in found its account. */
    public enum Outcome {
        /** The identity was linked before: its account. */
        EXISTING,
        /** First sign-in with this identity; it is now linked to the account that already had the confirmed email. */
        LINKED,
        /** First sign-in with this identity and no account had its email: a new account, without password. */
        CREATED
    }
}
