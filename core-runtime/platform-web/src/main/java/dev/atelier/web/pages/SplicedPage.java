package dev.atelier.web.pages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A page rendered once with markers in place of a signed-in viewer's texts (their id, name, email, CSRF token), split
 * at the markers, so each viewer's copy is the pieces with their own texts, HTML-escaped, put back in between.
 *
 * <p>Whether a page can be made so is found out by rendering it twice with two different sets of markers: if a
 * template transformed a text (upper-cased it, cut it, counted its length, URL-encoded it) the two renderings do not
 * match piece for piece, and the page is {@link #UNSPLICEABLE}: rendered whole for every viewer, as before.
 */
final class SplicedPage {

    /** A page whose texts a template transforms: never spliced. */
    static final SplicedPage UNSPLICEABLE = new SplicedPage(new byte[0][], new int[0]);

    private final byte[][] pieces;
    /** Which text goes after each piece but the last. */
    private final int[] texts;

    private SplicedPage(byte[][] pieces, int[] texts) {
        this.pieces = pieces;
        this.texts = texts;
    }

    /**
     * The page of {@code first}, rendered with {@code firstMarkers}, checked against {@code second}, rendered with
     * {@code secondMarkers}; {@link #UNSPLICEABLE} when they do not match.
     *
     * @param firstMarkers the markers of the first rendering, by text index; text that HTML escaping leaves as it is;
     *     no marker a part of another
     */
    static SplicedPage of(String first, List<String> firstMarkers, String second, List<String> secondMarkers) {
        List<String> pieces = new ArrayList<>();
        List<Integer> texts = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = -1;
            int which = -1;
            for (int i = 0; i < firstMarkers.size(); i++) {
                int found = first.indexOf(firstMarkers.get(i), from);
                if (found >= 0 && (at < 0 || found < at)) {
                    at = found;
                    which = i;
                }
            }
            if (at < 0) {
                pieces.add(first.substring(from));
                break;
            }
            pieces.add(first.substring(from, at));
            texts.add(which);
            from = at + firstMarkers.get(which).length();
        }
        StringBuilder again = new StringBuilder(second.length());
        for (int i = 0; i < pieces.size(); i++) {
            again.append(pieces.get(i));
            if (i < texts.size()) {
                again.append(secondMarkers.get(texts.get(i)));
            }
        }
        if (!again.toString().equals(second)) {
            return UNSPLICEABLE;
        }
        byte[][] bytes = new byte[pieces.size()][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = pieces.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return new SplicedPage(bytes, texts.stream().mapToInt(Integer::intValue).toArray());
    }

    boolean spliceable() {
        return this != UNSPLICEABLE;
    }

    /** The page with {@code values} (by text index, not escaped yet) in place of the markers. */
    byte[] with(List<String> values) {
        byte[][] escaped = new byte[values.size()][];
        for (int i = 0; i < escaped.length; i++) {
            escaped[i] = escape(values.get(i)).getBytes(StandardCharsets.UTF_8);
        }
        int size = 0;
        for (byte[] piece : pieces) {
            size += piece.length;
        }
        for (int text : texts) {
            size += escaped[text].length;
        }
        // Filled in place: one copy of the page per request, as a rendering would make.
        byte[] page = new byte[size];
        int at = 0;
        for (int i = 0; i < pieces.length; i++) {
            System.arraycopy(pieces[i], 0, page, at, pieces[i].length);
            at += pieces[i].length;
            if (i < texts.length) {
                byte[] text = escaped[texts[i]];
                System.arraycopy(text, 0, page, at, text.length);
                at += text.length;
            }
        }
        return page;
    }

    /** As FreeMarker's HTML output format escapes an interpolation: safe in text and in quoted attributes. */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String replacement = switch (text.charAt(i)) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(text.charAt(i));
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
