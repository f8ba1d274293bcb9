package dev.atelier.launcher.isolation;

import java.util.Set;

/** The owner's personal data export, on the account page and in the JSON API. */
final class DataExportCase {

    private DataExportCase() {}

    /** Creates the thing as the cast's owner and says how to probe it. */
    static Thing create(Cast cast) throws Exception {
        Party owner = cast.owner();
        Creations.finished(owner, Creations.submit(owner, "isolated exported creation"));
        return Thing.of(Set.of(owner.email(), owner.id(), "isolated exported creation"),
                () -> owner.get("/account/export").body().contains(owner.email()) + " "
                        + owner.json("/api/v1/account/export").toString().contains(owner.email()))
                .probe(Probe.get("/account/export").ownOnly())
                .probe(Probe.get("/api/v1/account/export").ownOnly());
    }
}
