package dev.atelier.launcher.isolation;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests the kit's browsers sent while one case ran, so the kit can tell which routes the case really exercised
 * (a case that only claims a route does not cover it).
 */
final class RequestLog {

    /** One request as sent: method and path with its query. */
    record Sent(String method, String path) {}

    private final List<Sent> sent = new ArrayList<>();

    synchronized void record(HttpRequest request) {
        URI uri = request.uri();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        sent.add(new Sent(request.method(), uri.getRawPath() + query));
    }

    synchronized List<Sent> takeAll() {
        List<Sent> taken = List.copyOf(sent);
        sent.clear();
        return taken;
    }
}
