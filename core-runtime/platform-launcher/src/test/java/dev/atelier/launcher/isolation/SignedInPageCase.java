package dev.atelier.launcher.isolation;

import dev.atelier.launcher.platform.Browser;
import java.util.Set;

/**
 * The servlet filter that answers signed-in users' pages from one rendering shared by users alike, each user's texts
 * spliced in: the owner's CSRF token is in the owner's copy only, never in the neighbour's (who shares the rendering)
 * or the stranger's.
 */
final class SignedInPageCase {

    private SignedInPageCase() {}

    /** Creates the thing as the cast's owner and says how to probe it. */
    static Thing create(Cast cast) throws Exception {
        Party owner = cast.owner();
        owner.get("/pricing");
        // The second view is the one the filter answers from the shared rendering.
        String token = Browser.csrfOf(Party.expect(owner.get("/pricing"), 200, "the owner's pricing page"));
        return Thing.of(Set.of(token), () -> Boolean.toString(owner.get("/pricing").body().contains(token)))
                .probe(Probe.get("/pricing").ownOnly())
                .probe(Probe.get("/").ownOnly());
    }
}
