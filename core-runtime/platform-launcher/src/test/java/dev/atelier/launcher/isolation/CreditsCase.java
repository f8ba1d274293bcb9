package dev.atelier.launcher.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The owner's credits: a grant an admin of the owner's tenant gave from the users page, the balance and the ledger.
 * The other tenant's admin can neither find the owner nor grant them credits (404 for the account id), nor open,
 * suspend, resume or sign out the owner's account from the user page; the owner's API calls keep working.
 */
final class CreditsCase {

    private CreditsCase() {}

    /** Creates the thing as the cast's owner and says how to probe it. */
    static Thing create(Cast cast) throws Exception {
        Party owner = cast.owner();
        String user = "/admin/users/" + owner.id();
        String search = "/admin/users?q=" + URLEncoder.encode(owner.email(), StandardCharsets.UTF_8);
        cast.ownerAdmin().get(search);
        Party.expect(cast.ownerAdmin().post("/admin/users/grant", grant(owner, "isolated goodwill")), 303,
                "the admin's grant");
        return Thing.of(Set.of("isolated goodwill", owner.email()), () -> {
            JsonNode credits = owner.json("/api/v1/credits");
            return credits.get("balance").asText() + " " + credits.get("entries").size();
        })
                .probe(Probe.get("/api/v1/credits").ownOnly())
                .probe(Probe.get(search).ownOnly(), cast.strangerAdmin(), cast.neighbour())
                .probe(Probe.form("/admin/users/grant", grant(owner, "isolated theft")), cast.strangerAdmin())
                .probe(Probe.form("/admin/users/grant", grant(owner, "isolated theft")).ownOnly(), cast.neighbour())
                .probe(Probe.get(user), cast.strangerAdmin())
                .probe(Probe.get(user).ownOnly(), cast.neighbour())
                .probe(Probe.form(user + "/suspend", Map.of("reason", "isolated suspension")), cast.strangerAdmin())
                .probe(Probe.form(user + "/suspend", Map.of("reason", "isolated suspension")).ownOnly(),
                        cast.neighbour())
                .probe(Probe.form(user + "/resume", Map.of()), cast.strangerAdmin())
                .probe(Probe.form(user + "/resume", Map.of()).ownOnly(), cast.neighbour())
                .probe(Probe.form(user + "/sessions/revoke", Map.of("session", "0".repeat(64))), cast.strangerAdmin())
                .probe(Probe.form(user + "/sessions/revoke", Map.of("session", "0".repeat(64))).ownOnly(),
                        cast.neighbour());
    }

    private static Map<String, String> grant(Party to, String reason) {
        return Map.of("account", to.id(), "amount", "7", "reason", reason,
                "nonce", UUID.randomUUID().toString().replace("-", ""));
    }
}
