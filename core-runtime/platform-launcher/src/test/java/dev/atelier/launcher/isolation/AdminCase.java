package dev.atelier.launcher.isolation;

import java.util.Map;
import java.util.Set;

/**
 * The owner tenant's admin area, after its admin changed the tagline: the other tenant's admin sees only their own
 * tenant's users and settings there, and a user of the owner's tenant who is not an admin is refused. The admin area's
 * existence is public (every site has one at {@code /admin}), so that refusal may be the "admins only" page. What the
 * area holds that nobody else may see is the tenant's users (the tagline itself is public on the tenant's site); the
 * forms the intruders post leave the tenant's settings unchanged.
 */
final class AdminCase {

    private AdminCase() {}

    private static final String TAGLINE = "Isolated tagline only its own admins may edit";



    /** Creates the thing as the cast's owner and says how to probe it. */
    static Thing create(Cast cast) throws Exception {
        Party admin = cast.ownerAdmin();
        admin.get("/admin/branding");
        Party.expect(admin.multipart("/admin/branding", Map.of("tagline", TAGLINE), null, null), 303,
                "saving the branding");
        Party[] intruders = {cast.strangerAdmin(), cast.neighbour()};
        Set<String> users = Set.of(cast.owner().email());
        return Thing.of(users, () -> admin.get("/admin/branding").body().contains(TAGLINE) + " "
                + admin.get("/admin/models").statusCode())
                .probe(Probe.get("/admin").ownOnly(), intruders)
                .probe(Probe.get("/admin/users").ownOnly(), intruders)
                .probe(Probe.get("/admin/branding").ownOnly(), intruders)
                .probe(Probe.get("/admin/models").ownOnly(), intruders)
                // The branding form starts from the tenant's current values, so an empty post saves them unchanged.
                .probe(Probe.multipart("/admin/branding", Map.of()).ownOnly(), intruders)
                .probe(Probe.form("/admin/models", Map.of()).ownOnly(), cast.neighbour());
    }
}
