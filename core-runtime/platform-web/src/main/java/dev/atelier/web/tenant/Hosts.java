package dev.atelier.web.tenant;

import java.util.Locale;

/** Host header values as tenants are looked up: lower case, without port. */
public final class Hosts {

    private Hosts() {}

    public static String normalize(String host) {
        if (host == null) {
            return "";
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) { // IPv6 literal: keep the brackets' content, drop the port
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        h = colon < 0 ? h : h.substring(0, colon);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
