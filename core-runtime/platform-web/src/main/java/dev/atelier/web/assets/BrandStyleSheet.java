package dev.atelier.web.assets;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The brand's colours and fonts as a style sheet of CSS custom properties, built from query values the layout writes
 * into the link. Kept out of the page so the Content-Security-Policy needs no inline styles. Only well-formed values
 * get through (a colour is {@code #rrggbb}, a font stack holds names, quotes, commas and spaces), so a value can never
 * end its declaration and add rules of its own; a missing or refused value leaves the theme's default.
 */
public final class BrandStyleSheet {

    // Query name → custom property, in the order the layout documents them.
    private static final List<Map.Entry<String, String>> COLOURS = List.of(
            Map.entry("primary", "--color-primary"), Map.entry("onPrimary", "--color-on-primary"),
            Map.entry("accent", "--color-accent"), Map.entry("background", "--color-background"),
            Map.entry("surface", "--color-surface"), Map.entry("text", "--color-text"),
            Map.entry("muted", "--color-muted"));
    private static final List<Map.Entry<String, String>> FONTS = List.of(
            Map.entry("heading", "--font-heading"), Map.entry("body", "--font-body"));
    private static final int MAX_FONT_STACK = 300;

    private BrandStyleSheet() {}

    /** The sheet for these query values; {@code scope=preview} targets the admin's preview pane instead of the page. */
    public static String of(MultivaluedMap<String, String> query) {
        // html:root outranks the theme's own :root defaults whatever order the sheets load in.
        String selector = "preview".equals(query.getFirst("scope")) ? ".preview-canvas" : "html:root";
        StringBuilder css = new StringBuilder(512).append(selector).append(" {\n");
        for (Map.Entry<String, String> colour : COLOURS) {
            String value = query.getFirst(colour.getKey());
            if (value != null && value.matches("#[0-9a-fA-F]{6}")) {
                declare(css, colour.getValue(), value.toLowerCase(Locale.ROOT));
            }
        }
        for (Map.Entry<String, String> font : FONTS) {
            String value = fontStack(query.getFirst(font.getKey()));
            if (value != null) {
                declare(css, font.getValue(), value);
            }
        }
        String scheme = query.getFirst("scheme");
        if ("dark".equals(scheme) || "light".equals(scheme)) {
            declare(css, "color-scheme", scheme);
        }
        return css.append("}\n").toString();
    }

    // One declaration a line: even a value the checks missed could only spoil its own line.
    private static void declare(StringBuilder css, String property, String value) {
        css.append("  ").append(property).append(": ").append(value).append(";\n");
    }

    private static String fontStack(String value) {
        if (value == null || value.length() > MAX_FONT_STACK) {
            return null;
        }
        String kept = value.replaceAll("[^A-Za-z0-9 ,'\"_.-]", "").strip();
        boolean balanced = kept.chars().filter(c -> c == '"').count() % 2 == 0
                && kept.chars().filter(c -> c == '\'').count() % 2 == 0;
        return kept.isEmpty() || !balanced ? null : kept;
    }
}
