package dev.atelier.accounts;

/**
 * A confirmed email change.
 *
 * @param account the account with its new, verified email
 * @param previousEmail the address it had before, which callers notify: if the change was not its owner's doing, the
 *     mail to the old address is how they find out
 */
public record EmailChange(Account account, String previousEmail) {}
