package dev.atelier.web.auth;

import java.util.regex.Pattern;

/**
 * Where to send a user after signing in: only a path of this site, so a crafted {@code ?next=} can never send a user
 * to another site (open redirect).
 */
public final class NextPath {

    private static final Pattern LOCAL = Pattern.compile("/[A-Za-z0-9/_.~%-]{0,200}(\\?[A-Za-z0-9=&_.~%-]{0,200})?");

    private NextPath() {}

    /** {@code next} if it is a plain local path (not {@code //...}, no backslashes), otherwise {@code fallback}. */
    public static String of(String next, String fallback) {
        if (next == null || next.startsWith("//") || !LOCAL.matcher(next).matches()) {
            return fallback;
        }
        return next;
    }
}
