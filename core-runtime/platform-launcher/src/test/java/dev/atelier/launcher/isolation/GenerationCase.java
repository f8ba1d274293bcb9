package dev.atelier.launcher.isolation;

import dev.atelier.launcher.platform.Browser;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generations, one made through the JSON API and one through the create page: their JSON, progress events, cancel and
 * delete, their gallery pages and forms, their vendor callback address, and the lists they appear in.
 */
final class GenerationCase {

    private GenerationCase() {}

    /** Creates the thing as the cast's owner and says how to probe it. */
    static Thing create(Cast cast) throws Exception {
        Party owner = cast.owner();
        String viaApi = Creations.submit(owner, "isolated lighthouse at dusk");
        owner.get("/create");
        String gallery = Browser.location(Party.expect(owner.multipart("/create", Map.of("model", "procedural",
                "prompt", "isolated paper boat"), "input", Creations.png()), 303, "the create page"));
        if (!gallery.contains("/gallery/")) {
            throw new AssertionError("the create page sent the owner to " + gallery + ", not to the creation");
        }
        String viaPage = gallery.substring(gallery.lastIndexOf('/') + 1);
        Creations.finished(owner, viaApi);
        Creations.finished(owner, viaPage);
        Thing thing = Thing.of(Set.of("isolated lighthouse", "isolated paper boat"),
                () -> Creations.summary(owner, viaApi) + "\n" + Creations.summary(owner, viaPage) + "\n"
                        + owner.get("/gallery").body().contains("isolated paper boat"));
        for (String id : List.of(viaApi, viaPage)) {
            String api = "/api/v1/generations/" + id;
            thing.probe(Probe.get(api)).probe(Probe.get(api + "/events"))
                    .probe(Probe.api("POST", api + "/cancel", null)).probe(Probe.api("DELETE", api, null))
                    .probe(Probe.get("/gallery/" + id))
                    .probe(Probe.form("/gallery/" + id + "/cancel", Map.of()))
                    .probe(Probe.form("/gallery/" + id + "/delete", Map.of()))
                    .probe(Probe.api("POST", "/hooks/generations/" + id + "/1/forged", "{}"));
        }
        return thing.probe(Probe.get("/api/v1/generations").ownOnly()).probe(Probe.get("/gallery").ownOnly())
                .probe(Probe.get("/create").ownOnly());
    }
}
