package dev.atelier.launcher.isolation;

import dev.atelier.launcher.isolation.Browser.Reply;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The links mailed to a user who has not confirmed their address yet: confirm the address, reset the password, confirm
 * a new address. Each holds a secret token and works for whoever holds it on its tenant's host (it was sent to the
 * owner's mailbox); on the other tenant's host it is answered exactly as a token nobody was given, and using it there
 * changes nothing.
 */
final class MailedLinkCase {

    private MailedLinkCase() {}

    /** Creates the thing as the cast's owner and says how to probe it. */
    static Thing create(Cast cast) throws Exception {
        Mailbox mail = cast.platform().mailbox();
        String host = cast.owner().host();
        Party late = Party.signUpUnconfirmed(cast.platform().visitor(host), "late@isolation.test", "Lou Late");
        String verify = mail.link(late.email(), "Confirm your email", 1);
        Reply asked = Party.submit(cast.platform().visitor(host), "/reset", Map.of("email", late.email()));
        if (asked.status() != 200) {
            throw new AssertionError("the reset was not asked for: " + asked);
        }
        String reset = mail.link(late.email(), "Reset your", 1);
        Reply moved = late.post("/account/email", Map.of("newEmail", "late.moved@isolation.test",
                "currentPassword", late.password()));
        if (moved.status() != 303) {
            throw new AssertionError("the email change was not asked for: " + moved);
        }
        String change = mail.link("late.moved@isolation.test", "Confirm", 1);
        Party stranger = cast.stranger();
        return Thing.of(Set.of(late.email(), "late.moved@isolation.test"), () -> {
            var me = late.json("/api/v1/account");
            return me.get("email").asText() + " " + me.get("email_verified").asText();
        })
                .probe(Probe.get(verify).likeUnknown(token(verify)), stranger)
                .probe(Probe.get(reset).likeUnknown(token(reset)), stranger)
                .probe(Probe.form("/reset/confirm", Map.of("token", decoded(reset),
                        "newPassword", "a password chosen by a stranger")).likeUnknown(decoded(reset)), stranger)
                .probe(Probe.get(change).likeUnknown(token(change)), stranger)
                .probe(Probe.form("/reset", Map.of("email", late.email())).ownOnly(), stranger)
                .then(() -> {
                    Reply confirmed = late.get(verify);
                    if (confirmed.status() != 200) {
                        throw new AssertionError("the owner's confirmation link stopped working: " + confirmed);
                    }
                    return "";
                });
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private static String decoded(String link) {
        return URLDecoder.decode(token(link), StandardCharsets.UTF_8);
    }
}
