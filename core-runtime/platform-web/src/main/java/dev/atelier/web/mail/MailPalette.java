package dev.atelier.web.mail;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The colours an email is drawn in, taken from the tenant's brand but only where they stay legible. Email has no
 * stylesheet a tenant's theme could fix afterwards, and a dark brand's light text on a mail client's white card is
 * unreadable, so each pair of text and background is checked for WCAG contrast (at least {@value #MIN_CONTRAST}:1) and
 * a neutral pair replaces it when it falls short.
 *
 * @param page      behind the card
 * @param card      the message's background
 * @param text      body text on {@code card}
 * @param muted     secondary text (footer, hints) on {@code card}
 * @param link      links on {@code card}
 * @param border    rules on {@code card}
 * @param header    the header band and button background
 * @param onHeader  text on {@code header}
 */
public record MailPalette(String page, String card, String text, String muted, String link, String border,
        String header, String onHeader) {

    /** The least contrast of any text on its background, as WCAG 2 asks of body text. */
    public static final double MIN_CONTRAST = 4.5;

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final MailPalette NEUTRAL = new MailPalette("#f4f4f7", "#ffffff", "#1d1b26", "#5c5970",
            "#3f3aa8", "#e5e5ea", "#4f46e5", "#ffffff");

    /**
     * The brand's colours where they are legible.
     *
     * @param colors the brand's {@code primary}, {@code onPrimary}, {@code background}, {@code surface}, {@code text}
     *               and {@code muted} as {@code #rrggbb}; missing or malformed ones count as absent
     */
    public static MailPalette of(Map<?, ?> colors) {
        String surface = hex(colors, "surface");
        String text = hex(colors, "text");
        boolean brandCard = surface != null && text != null && contrast(text, surface) >= MIN_CONTRAST;
        String card = brandCard ? surface : NEUTRAL.card;
        String body = brandCard ? text : NEUTRAL.text;
        String page = brandCard ? orElse(hex(colors, "background"), surface) : NEUTRAL.page;
        String muted = legible(hex(colors, "muted"), card, brandCard ? body : NEUTRAL.muted);
        String onPrimary = orElse(hex(colors, "onPrimary"), NEUTRAL.onHeader);
        String header = towardsLegible(orElse(hex(colors, "primary"), NEUTRAL.header), onPrimary);
        String link = legible(hex(colors, "primary"), card, legible(hex(colors, "accent"), card, body));
        return new MailPalette(page, card, body, muted, link, mix(body, card, 1, 4), header, onPrimary);
    }

    /** The colours by name, for templates ({@code mail.text}, {@code mail.header}, ...). */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("page", page);
        map.put("card", card);
        map.put("text", text);
        map.put("muted", muted);
        map.put("link", link);
        map.put("border", border);
        map.put("header", header);
        map.put("onHeader", onHeader);
        return map;
    }

    /** WCAG 2 contrast ratio of two {@code #rrggbb} colours, from 1 (same) to 21 (black on white). */
    public static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static String legible(String color, String background, String fallback) {
        return color != null && contrast(color, background) >= MIN_CONTRAST ? color : fallback;
    }

    /**
     * The brand colour as a background for {@code foreground}, darkened (under light text) or lightened (under dark
     * text) in small steps until the pair is legible, so the header keeps the brand's hue.
     */
    private static String towardsLegible(String background, String foreground) {
        String away = contrast(foreground, "#000000") > contrast(foreground, "#ffffff") ? "#000000" : "#ffffff";
        String shade = background;
        for (int step = 1; step <= 20 && contrast(foreground, shade) < MIN_CONTRAST; step++) {
            shade = mix(away, background, step, 20);
        }
        return shade;
    }

    /** {@code base} moved {@code parts}/{@code whole} of the way towards {@code towards}. */
    private static String mix(String towards, String base, int parts, int whole) {
        int t = Integer.parseInt(towards.substring(1), 16);
        int b = Integer.parseInt(base.substring(1), 16);
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int channel = (((b >> shift) & 0xff) * (whole - parts) + ((t >> shift) & 0xff) * parts) / whole;
            rgb |= channel << shift;
        }
        return String.format(Locale.ROOT, "#%06x", rgb);
    }

    private static String hex(Map<?, ?> colors, String name) {
        Object value = colors == null ? null : colors.get(name);
        return value instanceof String s && HEX.matcher(s).matches() ? s.toLowerCase(Locale.ROOT) : null;
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
