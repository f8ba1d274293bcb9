package dev.atelier.launcher.isolation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One browser on one tenant host: it sends the {@code Host} of its site, keeps the cookies the site sets and sends them
 * back, follows no redirect, and writes every request it makes into the kit's {@link RequestLog}.
 */
final class Browser {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final int port;
    private final String host;
    private final RequestLog log;
    private final Map<String, String> cookies = new TreeMap<>();

    Browser(int port, String host, RequestLog log) {
        this.port = port;
        this.host = host;
        this.log = log;
    }

    String host() {
        return host;
    }

    /** The address a page of this site has, as a same-site form's {@code Origin}. */
    String origin() {
        return "http://" + host + ":" + port;
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send("GET", path, Map.of(), HttpRequest.BodyPublishers.noBody());
    }

    /**
     * Sends one request with this browser's cookies.
     *
     * @param headers extra headers (content type, CSRF header, origin)
     */
    Reply send(String method, String path, Map<String, String> headers, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Host", host + ":" + port).method(method, body);
        headers.forEach(request::header);
        if (!cookies.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            cookies.forEach((name, value) -> pairs.add(name + "=" + value));
            request.header("Cookie", String.join("; ", pairs));
        }
        log.record(method, path);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").forEach(this::keep);
        return new Reply(response.statusCode(), response.body(),
                response.headers().firstValue("Location").orElse(""));
    }

    private void keep(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        String name = pair.substring(0, pair.indexOf('=')).strip();
        String value = pair.substring(pair.indexOf('=') + 1).strip();
        if (value.isEmpty() || setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    /** A response: its status, body and where it redirects to (empty when it does not). */
    record Reply(int status, String body, String location) {

        @Override
        public String toString() {
            return status + (location.isEmpty() ? "" : " -> " + location) + " "
                    + body.substring(0, Math.min(300, body.length()));
        }
    }
}
