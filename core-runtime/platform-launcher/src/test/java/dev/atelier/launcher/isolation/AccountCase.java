package dev.atelier.launcher.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * The owner's account and its pages. These routes act on whoever is signed in, so the intruders send them as
 * themselves — even with the owner's password, which must not reach the owner's account from another one.
 */
final class AccountCase {

    private AccountCase() {}

    /** Creates the thing as the cast's owner and says how to probe it. */
    static Thing create(Cast cast) throws Exception {
        Party owner = cast.owner();
        Party.expect(owner.post("/account/profile", Map.of("displayName", "Isolated Olive")), 303,
                "saving the profile");
        String password = owner.password();
        return Thing.of(Set.of("Isolated Olive", owner.email()), () -> {
            JsonNode me = owner.json("/api/v1/account");
            return String.join("|", me.get("id").asText(), me.get("email").asText(),
                    me.get("display_name").asText(), me.get("email_verified").asText());
        })
                .probe(Probe.get("/account").ownOnly())
                .probe(Probe.get("/api/v1/account").ownOnly())
                .probe(Probe.get("/account/billing").ownOnly())
                .probe(Probe.form("/account/profile", Map.of("displayName", "Someone Else")).ownOnly())
                .probe(Probe.form("/account/email", Map.of("newEmail", "taken.over@isolation.test",
                        "currentPassword", password)).ownOnly())
                .probe(Probe.form("/account/password", Map.of("currentPassword", password,
                        "newPassword", "a password chosen by an intruder")).ownOnly())
                .probe(Probe.form("/account/delete", Map.of("currentPassword", password, "confirm", "DELETE"))
                        .ownOnly())
                .probe(Probe.form("/account/verify/resend", Map.of()).ownOnly())
                .then(() -> owner.json("/api/v1/account").get("email").asText());
    }
}
