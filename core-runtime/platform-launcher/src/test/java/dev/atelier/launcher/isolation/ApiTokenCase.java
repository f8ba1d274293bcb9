package dev.atelier.launcher.isolation;

import dev.atelier.launcher.platform.Browser;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

/** Personal API tokens, one made through the JSON API and one on the account page: listed, revoked, used. */
final class ApiTokenCase {

    private ApiTokenCase() {}

    /** Creates the thing as the cast's owner and says how to probe it. */
    static Thing create(Cast cast) throws Exception {
        Party owner = cast.owner();
        HttpResponse<String> made = Party.expect(owner.call("POST", "/api/v1/account/tokens",
                "{\"name\":\"isolated script token\"}"), 201, "making an API token");
        String secret = Browser.json(made).get("token").asText();
        Party.expect(owner.post("/account/tokens", Map.of("tokenName", "isolated page token")), 200,
                "making a token on the account page");
        Thing thing = Thing.of(Set.of("isolated script token", "isolated page token", secret),
                () -> String.join(",", owner.listed("/api/v1/account/tokens", "id", "name")))
                .probe(Probe.get("/api/v1/account/tokens").ownOnly())
                .then(() -> Party.expect(cast.platform().visitor(owner.host()).get("/api/v1/account",
                        "Authorization", "Bearer " + secret), 200, "the owner's token afterwards").body());
        for (String id : owner.listed("/api/v1/account/tokens", "id")) {
            thing.probe(Probe.api("DELETE", "/api/v1/account/tokens/" + id, null))
                    .probe(Probe.form("/account/tokens/" + id + "/revoke", Map.of()));
        }
        return thing;
    }
}
