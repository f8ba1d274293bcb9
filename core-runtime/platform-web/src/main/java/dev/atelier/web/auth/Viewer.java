package dev.atelier.web.auth;

import dev.atelier.accounts.Account;
import dev.atelier.accounts.SessionInfo;

/**
 * The signed-in user of a request on a tenant host.
 *
 * @param account the account, as loaded for this request
 * @param session the session the request came with; {@code null} when it came with an API token
 * @param sessionCookie the cookie value of that session (needed to rotate or end it); {@code null} with an API token
 * @param admin whether the account is an admin of the request's tenant
 */
public record Viewer(Account account, SessionInfo session, String sessionCookie, boolean admin) {

    /** Whether the request authenticated with a personal API token rather than the session cookie. */
    public boolean viaApiToken() {
        return session == null;
    }

    @Override
    public String toString() {
        return "Viewer[" + account.id() + (admin ? ", admin" : "") + "]";
    }
}
