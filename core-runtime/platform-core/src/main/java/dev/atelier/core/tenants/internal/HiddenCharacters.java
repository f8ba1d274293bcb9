package dev.atelier.core.tenants.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * Characters a person cannot see, or that reorder what they see: C0 and C1 controls, bidirectional overrides and
 * isolates, and the other invisible format characters. In a tenant's name or tagline they would let a page or an
 * email show something other than what an operator reviewed ({@code "Aura\u202Eenut"} reads as another brand).
 */
final class HiddenCharacters {

    // Joins emoji sequences (a person and a paintbrush into one artist); visible in effect, so allowed.
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private HiddenCharacters() {}

    /** Why {@code text} is refused, for a person, or empty when it holds no hidden character. */
    static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (hidden(c)) {
                return Optional.of("must not contain control characters or invisible formatting characters; found "
                        + String.format(Locale.ROOT, "U+%04X", c) + " at character "
                        + (text.codePointCount(0, i) + 1));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    private static boolean hidden(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT && c != ZERO_WIDTH_JOINER
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
