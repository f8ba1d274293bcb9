package dev.atelier.web.site.admin;

import java.security.SecureRandom;
import java.util.Base64;

/** One-time numbers for admin forms, so sending a form twice (a double click, a reload) acts once. */
final class FormNonces {

    private final SecureRandom random = new SecureRandom();

    /** 24 random URL-safe characters. */
    String next() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
