package dev.atelier.launcher.isolation;

import dev.atelier.launcher.platform.Browser;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The servlet filter that answers signed-out page views from the page cache before Jersey: a page rendered and cached
 * for the owner's tenant is never the answer on the other tenant's host.
 */
final class CachedPageCase {

    private CachedPageCase() {}

    private static final Pattern TITLE = Pattern.compile("<title>([^<]+)</title>");



    /** Creates the thing as the cast's owner and says how to probe it. */
    static Thing create(Cast cast) throws Exception {
        Browser visitor = cast.platform().visitor(cast.owner().host());
        visitor.get("/pricing");
        // The second view is the one the filter answers from the cache.
        Matcher title = TITLE.matcher(visitor.get("/pricing").body());
        if (!title.find()) {
            throw new AssertionError("the pricing page has no title");
        }
        Party away = Party.signedOut(cast.platform().visitor(cast.stranger().host()));
        String owners = title.group(1);
        return Thing.of(Set.of(owners), () -> Boolean.toString(visitor.get("/pricing").body().contains(owners)))
                .probe(Probe.get("/pricing").ownOnly(), away)
                .probe(Probe.get("/").ownOnly(), away);
    }
}
