package dev.atelier.web.legal;

import java.util.Map;

/** The title people read for a legal document's name in pages and emails. */
public final class DocumentTitles {

    private static final Map<String, String> KNOWN = Map.of("terms", "Terms of service", "privacy", "Privacy policy");

    private DocumentTitles() {}

    /**
     * "Terms of service" for {@code terms}, "Privacy policy" for {@code privacy}, "Cookie notice" for
     * {@code cookie-notice}.
     */
    public static String of(String document) {
        String known = KNOWN.get(document);
        if (known != null) {
            return known;
        }
        String words = document.replace('-', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
