package dev.atelier.launcher.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * The signed media link of a generation's output. The link is a capability on its tenant's host (whoever holds it
 * there may read the file until it expires, as with a presigned storage URL), so the stranger tries the whole link
 * on the other tenant's host, and both intruders try the file's key without a valid signature.
 */
final class MediaLinkCase {

    private MediaLinkCase() {}

    /** Creates the thing as the cast's owner and says how to probe it. */
    static Thing create(Cast cast) throws Exception {
        Party owner = cast.owner();
        JsonNode job = Creations.finished(owner, Creations.submit(owner, "isolated media"));
        String url = job.get("outputs").get(0).get("url").asText();
        String link = url.substring(url.indexOf("/media/"));
        String key = link.substring(0, link.indexOf('?'));
        String exp = link.replaceAll(".*[?&]exp=([^&]*).*", "$1");
        return Thing.of(Set.of(), () -> {
            HttpResponse<String> file = owner.get(link);
            return file.statusCode() + " " + file.body().length();
        })
                .probe(Probe.get(link), cast.stranger())
                .probe(Probe.get(key))
                .probe(Probe.get(key + "?exp=" + exp + "&sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    }
}
