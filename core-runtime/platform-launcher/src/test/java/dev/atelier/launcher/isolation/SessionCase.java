package dev.atelier.launcher.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The owner's sessions, one of them signed in through the sign-in form in a second browser: listed and revoked. */
final class SessionCase implements IsolationCase {

    @Override
    public String name() {
        return "sessions";
    }

    @Override
    public List<String> routes() {
        return List.of("GET /api/v1/account/sessions", "DELETE /api/v1/account/sessions/{id}",
                "POST /account/sessions/{id}/revoke", "POST /account/sessions/revoke-others");
    }

    @Override
    public Thing create(Cast cast) throws Exception {
        Party owner = cast.owner();
        Party elsewhere = owner.signInAgain(cast.platform().visitor(owner.host()));
        Set<String> sessions = sessions(owner);
        Thing thing = Thing.of(sessions, () -> String.join(",", sessions(owner)))
                .probe(Probe.get("/api/v1/account/sessions").ownOnly())
                .probe(Probe.form("/account/sessions/revoke-others", Map.of()).ownOnly())
                .then(() -> elsewhere.json("/api/v1/account").get("email").asText());
        for (String id : sessions) {
            thing.probe(Probe.api("DELETE", "/api/v1/account/sessions/" + id, null))
                    .probe(Probe.form("/account/sessions/" + id + "/revoke", Map.of()));
        }
        return thing;
    }

    private static Set<String> sessions(Party owner) throws Exception {
        Set<String> ids = new TreeSet<>();
        for (JsonNode session : owner.json("/api/v1/account/sessions").get("items")) {
            ids.add(session.get("id").asText());
        }
        return ids;
    }
}
