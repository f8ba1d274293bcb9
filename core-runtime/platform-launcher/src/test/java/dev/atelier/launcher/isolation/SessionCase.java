package dev.atelier.launcher.isolation;

import java.util.Map;
import java.util.Set;

/** The owner's sessions, one of them signed in through the sign-in form in a second browser: listed and revoked. */
final class SessionCase {

    private SessionCase() {}

    /** Creates the thing as the cast's owner and says how to probe it. */
    static Thing create(Cast cast) throws Exception {
        Party owner = cast.owner();
        Party elsewhere = owner.signInAgain(cast.platform().visitor(owner.host()));
        Set<String> sessions = owner.listed("/api/v1/account/sessions", "id");
        Thing thing = Thing.of(sessions, () -> String.join(",", owner.listed("/api/v1/account/sessions", "id")))
                .probe(Probe.get("/api/v1/account/sessions").ownOnly())
                .probe(Probe.form("/account/sessions/revoke-others", Map.of()).ownOnly())
                .then(() -> elsewhere.json("/api/v1/account").get("email").asText());
        for (String id : sessions) {
            thing.probe(Probe.api("DELETE", "/api/v1/account/sessions/" + id, null))
                    .probe(Probe.form("/account/sessions/" + id + "/revoke", Map.of()));
        }
        return thing;
    }
}
