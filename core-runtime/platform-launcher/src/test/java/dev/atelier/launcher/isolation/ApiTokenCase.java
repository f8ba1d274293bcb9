package dev.atelier.launcher.isolation;

import dev.atelier.launcher.isolation.Browser.Reply;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import java.util.Set;

/** Personal API tokens, one made through the JSON API and one on the account page: listed, revoked, used. */
final class ApiTokenCase {

    private ApiTokenCase() {}

    /** Creates the thing as the cast's owner and says how to probe it. */
    static Thing create(Cast cast) throws Exception {
        Party owner = cast.owner();
        Reply made = owner.call("POST", "/api/v1/account/tokens", "{\"name\":\"isolated script token\"}");
        if (made.status() != 201) {
            throw new AssertionError("the API token was not made: " + made);
        }
        String secret = Party.JSON.readTree(made.body()).get("token").asText();
        Reply page = owner.post("/account/tokens", Map.of("tokenName", "isolated page token"));
        if (page.status() != 200) {
            throw new AssertionError("the account page made no token: " + page);
        }
        Thing thing = Thing.of(Set.of("isolated script token", "isolated page token", secret),
                () -> String.join(",", owner.listed("/api/v1/account/tokens", "id", "name")))
                .probe(Probe.get("/api/v1/account/tokens").ownOnly())
                .then(() -> {
                    Reply me = cast.platform().visitor(owner.host()).send("GET", "/api/v1/account",
                            Map.of("Authorization", "Bearer " + secret), BodyPublishers.noBody());
                    if (me.status() != 200) {
                        throw new AssertionError("the token stopped working: " + me);
                    }
                    return "";
                });
        for (String id : owner.listed("/api/v1/account/tokens", "id")) {
            thing.probe(Probe.api("DELETE", "/api/v1/account/tokens/" + id, null))
                    .probe(Probe.form("/account/tokens/" + id + "/revoke", Map.of()));
        }
        return thing;
    }
}
