package dev.atelier.core.tenants;

import java.util.Locale;
import java.util.Optional;

/**
 * Characters a person cannot see, or that reorder what they see: C0 and C1 controls, bidirectional overrides and
 * isolates, line and paragraph separators, and the other invisible format characters (zero-width space, soft hyphen,
 * byte-order mark). In a tenant's name or tagline they would let a page or an email show something other than what
 * an operator reviewed: after U+202E the rest of a name reads backwards. Refused in tenant.yaml and the admin forms.
 */
public final class HiddenCharacters {

    // Joins emoji sequences (a person and a paintbrush into one artist); visible in effect, so allowed.
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    /**
     * The first hidden character of a text.
     *
     * @param codePoint written {@code U+202E}
     * @param position 1-based, counted in characters as a person counts them
     */
    public record Found(String codePoint, int position) {}

    private HiddenCharacters() {}

    /** The first hidden character of {@code text}, or empty (also for {@code null}). */
    public static Optional<Found> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (hidden(c)) {
                return Optional.of(new Found(String.format(Locale.ROOT, "U+%04X", c), text.codePointCount(0, i) + 1));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /** Why {@code text} is refused, worded for a configuration problem, or empty when it holds no hidden character. */
    public static Optional<String> problem(String text) {
        return find(text).map(found -> "must not contain control characters or invisible formatting characters;"
                + " found " + found.codePoint() + " at character " + found.position());
    }

    private static boolean hidden(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT && c != ZERO_WIDTH_JOINER
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
