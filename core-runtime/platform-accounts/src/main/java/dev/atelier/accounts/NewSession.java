package dev.atelier.accounts;

/**
 * A session just started or rotated.
 *
 * @param cookieValue the secret to put in the session cookie: 43 base64url characters (256 random bits). It is
 *     stored nowhere else and cannot be recovered; never log it
 * @param info the session
 */
public record NewSession(String cookieValue, SessionInfo info) {

    @Override
    public String toString() {
        return "NewSession[info=" + info + "]";
    }
}
