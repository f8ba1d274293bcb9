package dev.atelier.web.auth;

import java.util.Map;

/**
 * One-line confirmations shown after a form redirected back ({@code ?done=<code>}). Only these fixed texts can be
 * shown, so a crafted link cannot put words on a tenant's page.
 */
final class Flash {

    private static final Map<String, String> SUCCESS = Map.ofEntries(
            Map.entry("signed-in", "You are signed in."),
            Map.entry("profile", "Your profile is saved."),
            Map.entry("password", "Your password is changed. Other sessions were signed out."),
            Map.entry("email-sent", "We sent a confirmation link to the new address. Your email changes once you follow it."),
            Map.entry("verify-sent", "We sent you a new confirmation link."),
            Map.entry("session-revoked", "That session is signed out. API tokens it created keep working until"
                    + " you revoke them."),
            Map.entry("others-revoked", "All your other sessions are signed out."),
            Map.entry("token-revoked", "The API token is revoked."),
            Map.entry("password-reset", "Your password is reset and you are signed in. Your other sessions and your API"
                    + " tokens were ended."),
            Map.entry("signed-out", "You are signed out."),
            Map.entry("signed-out-everywhere", "You are signed out on every device."),
            Map.entry("google-linked", "Your Google account is now connected; you can sign in with either. Your other"
                    + " sessions and your API tokens were ended."));

    private Flash() {}

    /** The {@code flash} entry of page data for a {@code done} code, or null. */
    static Map<String, String> of(String code) {
        String message = code == null ? null : SUCCESS.get(code);
        return message == null ? null : Map.of("kind", "success", "message", message);
    }
}
