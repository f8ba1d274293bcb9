package dev.atelier.launcher.isolation;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One request an intruder sends at another user's thing, with their own valid session and CSRF token — the strongest
 * position a signed-in user of the platform has — and the answer it must get.
 *
 * @param method the HTTP method
 * @param path path and query, naming the thing
 * @param kind how the request is written and which credentials it carries
 * @param fields the fields of a form ({@link Kind#FORM}, {@link Kind#MULTIPART}), without the CSRF token, which the
 *     intruder adds
 * @param json the body of an {@link Kind#API} call, or null for none
 * @param answer what the answer must be
 * @param id for {@link Answer#LIKE_UNKNOWN}: the id whose answer must equal that of an id nobody has
 */
record Probe(String method, String path, Kind kind, Map<String, String> fields, String json, Answer answer,
        String id) {

    /** How a probe is sent. */
    enum Kind {
        /** A plain request with the session cookie only. */
        PLAIN,
        /** A site form (urlencoded) with the session's CSRF token in its fields. */
        FORM,
        /** A site form with a file (multipart), the CSRF token among its fields. */
        MULTIPART,
        /** A JSON API call with the session's {@code X-CSRF-Token} header. */
        API
    }

    /** What an intruder may be answered. */
    enum Answer {
        /** 404, as for an id that never existed: never 403, which would say it exists. */
        NOT_FOUND,
        /**
         * The route acts on whoever asks (their own account, their own tenant's admin area): any answer but a server
         * error, as long as it shows nothing of the thing.
         */
        OWN_ONLY,
        /** Exactly what the same request about an id nobody has gets (the status, and nothing of the thing). */
        LIKE_UNKNOWN
    }

    /** A GET that must be 404. */
    static Probe get(String path) {
        return new Probe("GET", path, Kind.PLAIN, Map.of(), null, Answer.NOT_FOUND, null);
    }

    /** A form post of the site's pages that must be 404. */
    static Probe form(String path, Map<String, String> fields) {
        return new Probe("POST", path, Kind.FORM, fields, null, Answer.NOT_FOUND, null);
    }

    /** A multipart form post of the site's pages (no file) that must be 404. */
    static Probe multipart(String path, Map<String, String> fields) {
        return new Probe("POST", path, Kind.MULTIPART, fields, null, Answer.NOT_FOUND, null);
    }

    /** A JSON API call that must be 404; {@code json} may be null for calls without a body. */
    static Probe api(String method, String path, String json) {
        return new Probe(method, path, Kind.API, Map.of(), json, Answer.NOT_FOUND, null);
    }

    /** This request, answered as the route answers anyone about their own things. */
    Probe ownOnly() {
        return new Probe(method, path, kind, fields, json, Answer.OWN_ONLY, null);
    }

    /** This request, answered exactly as if {@code id} were an id nobody has. */
    Probe likeUnknown(String id) {
        return new Probe(method, path, kind, fields, json, Answer.LIKE_UNKNOWN, id);
    }

    /** The twin of a {@link Answer#LIKE_UNKNOWN} probe: the same request about an id of the same shape nobody has. */
    Probe aboutUnknown() {
        String unknown = id.substring(0, id.length() - 6) + "zz0000";
        Map<String, String> swapped = fields.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().replace(id, unknown)));
        return new Probe(method, path.replace(id, unknown), kind, swapped,
                json == null ? null : json.replace(id, unknown), Answer.OWN_ONLY, null);
    }

    /** Whether the request itself holds {@code text} (in its address, fields or body). */
    boolean carries(String text) {
        return path.contains(text) || fields.containsValue(text) || (json != null && json.contains(text))
                || java.net.URLDecoder.decode(path, java.nio.charset.StandardCharsets.UTF_8).contains(text);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
