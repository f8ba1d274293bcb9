package dev.atelier.launcher.isolation;

import dev.atelier.launcher.platform.Browser;
import java.util.Map;
import java.util.Set;

/**
 * An upload, which only its owner may use as a generation's input: anyone else naming it is answered exactly as for an
 * upload that never existed (uploads have no address of their own to read).
 */
final class UploadCase {

    private UploadCase() {}

    /** Creates the thing as the cast's owner and says how to probe it. */
    static Thing create(Cast cast) throws Exception {
        Party owner = cast.owner();
        String upload = Browser.json(Party.expect(owner.multipart("/api/v1/uploads", Map.of(), "file",
                Creations.png()), 201, "the upload")).get("id").asText();
        return Thing.of(Set.of("isolated borrowed input"), () -> "")
                .probe(Probe.api("POST", "/api/v1/generations", Creations.request("isolated borrowed input", upload))
                        .likeUnknown(upload))
                .then(() -> Creations.accepted(owner.call("POST", "/api/v1/generations",
                        Creations.request("own input", upload))));
    }
}
