package dev.atelier.web.http;

import java.net.URI;

/** Whether a post comes from a page of the same site, by the {@code Origin} header browsers send with it. */
public final class Origins {

    private Origins() {}

    /**
     * Browsers send {@code Origin} on every cross-site POST; a missing one (old clients, curl) is allowed since such
     * a client is not a victim's browser being driven by another site.
     */
    public static boolean sameOrigin(String origin, String host) {
        if (origin == null || origin.equals("null")) {
            return origin == null;
        }
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return originHost != null && originHost.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
