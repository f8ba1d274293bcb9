package dev.atelier.launcher.isolation;

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
        Cast.Stage platform = cast.platform();
        String host = cast.owner().host();
        String site = platform.tenantName(host);
        Party late = Party.signUpUnconfirmed(platform.visitor(host), "late@isolation.test", "Lou Late");
        String verify = platform.mailedLink(late.email(), Party.confirmSubject(site), 1);
        Party.expect(platform.visitor(host).submit("/reset", "/reset", Map.of("email", late.email())), 200,
                "asking for a password reset");
        String reset = platform.mailedLink(late.email(), "Reset your " + site + " password", 1);
        Party.expect(late.post("/account/email", Map.of("newEmail", "late.moved@isolation.test",
                "currentPassword", late.password())), 303, "asking for an email change");
        String change = platform.mailedLink("late.moved@isolation.test", Party.confirmSubject(site), 1);
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
                .then(() -> Party.expect(late.get(verify), 200, "the owner's confirmation link afterwards").body());
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private static String decoded(String link) {
        return URLDecoder.decode(token(link), StandardCharsets.UTF_8);
    }
}
