package dev.atelier.launcher.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.launcher.isolation.Browser.Reply;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Personal API tokens, one made through the JSON API and one on the account page: listed, revoked, used. */
final class ApiTokenCase implements IsolationCase {

    @Override
    public String name() {
        return "API tokens";
    }

    @Override
    public List<String> routes() {
        return List.of("POST /api/v1/account/tokens", "GET /api/v1/account/tokens",
                "DELETE /api/v1/account/tokens/{id}", "POST /account/tokens", "POST /account/tokens/{id}/revoke");
    }

    @Override
    public Thing create(Cast cast) throws Exception {
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
                () -> String.join(",", tokens(owner)))
                .probe(Probe.get("/api/v1/account/tokens").ownOnly())
                .then(() -> {
                    Reply me = cast.platform().visitor(owner.host()).send("GET", "/api/v1/account",
                            Map.of("Authorization", "Bearer " + secret), BodyPublishers.noBody());
                    if (me.status() != 200) {
                        throw new AssertionError("the token stopped working: " + me);
                    }
                    return "";
                });
        for (JsonNode token : owner.json("/api/v1/account/tokens").get("items")) {
            String id = token.get("id").asText();
            thing.probe(Probe.api("DELETE", "/api/v1/account/tokens/" + id, null))
                    .probe(Probe.form("/account/tokens/" + id + "/revoke", Map.of()));
        }
        return thing;
    }

    private static Set<String> tokens(Party owner) throws Exception {
        Set<String> tokens = new TreeSet<>();
        for (JsonNode token : owner.json("/api/v1/account/tokens").get("items")) {
            tokens.add(token.get("id").asText() + " " + token.get("name").asText());
        }
        return tokens;
    }
}
