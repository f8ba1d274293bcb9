package dev.atelier.launcher.isolation;

import dev.atelier.launcher.platform.Browser;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each tenant's logo, shipped in its folder and served at a content-hashed address on its own host: public there,
 * and not found on the other tenant's host — in both directions.
 */
final class BrandLogoCase {

    private BrandLogoCase() {}

    private static final Pattern LOGO = Pattern.compile("/brand/[0-9a-f]{64}\\.(svg|png)");



    /** Creates the thing as the cast's owner and says how to probe it. */
    static Thing create(Cast cast) throws Exception {
        String own = logo(cast.platform().visitor(cast.owner().host()));
        String other = logo(cast.platform().visitor(cast.stranger().host()));
        Browser anyone = cast.platform().visitor(cast.owner().host());
        return Thing.of(Set.of(), () -> Integer.toString(anyone.get(own).statusCode()))
                .probe(Probe.get(own), cast.stranger())
                .probe(Probe.get(other), cast.neighbour());
    }

    private static String logo(Browser visitor) throws Exception {
        Matcher m = LOGO.matcher(visitor.get("/").body());
        if (!m.find()) {
            throw new AssertionError("no logo address on the landing page of " + visitor.host());
        }
        return m.group();
    }
}
