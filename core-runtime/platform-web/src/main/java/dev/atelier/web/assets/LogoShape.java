package dev.atelier.web.assets;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a logo is a wordmark (wide: it shows the name itself) or an icon (about square: the page shows the site's
 * name beside it, or the header would lose the name). Read from the PNG header or the SVG's {@code viewBox} or
 * {@code width}/{@code height}; a logo whose size cannot be read counts as an icon, so the name stays visible.
 */
public final class LogoShape {

    /** Width over height from which a logo counts as a wordmark. */
    static final double WORDMARK_RATIO = 2.0;
    private static final Pattern VIEW_BOX = Pattern.compile(
            "viewBox\\s*=\\s*[\"']\\s*[-0-9.eE]+[\\s,]+[-0-9.eE]+[\\s,]+([0-9.eE]+)[\\s,]+([0-9.eE]+)\\s*[\"']");
    private static final Pattern WIDTH = Pattern.compile("<svg[^>]*?\\swidth\\s*=\\s*[\"']([0-9.]+)(px)?[\"']",
            Pattern.DOTALL);
    private static final Pattern HEIGHT = Pattern.compile("<svg[^>]*?\\sheight\\s*=\\s*[\"']([0-9.]+)(px)?[\"']",
            Pattern.DOTALL);

    private LogoShape() {}

    /** True when the image is at least {@link #WORDMARK_RATIO} times as wide as it is high. */
    public static boolean isWordmark(String contentType, byte[] bytes) {
        double ratio = "image/png".equals(contentType) ? pngRatio(bytes) : svgRatio(bytes);
        return ratio >= WORDMARK_RATIO;
    }

    private static double pngRatio(byte[] bytes) {
        if (bytes.length < 24) {
            return 0;
        }
        long width = uint32(bytes, 16);
        long height = uint32(bytes, 20);
        return height == 0 ? 0 : (double) width / height;
    }

    private static double svgRatio(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
        Matcher box = VIEW_BOX.matcher(head);
        if (box.find()) {
            return ratio(box.group(1), box.group(2));
        }
        Matcher width = WIDTH.matcher(head);
        Matcher height = HEIGHT.matcher(head);
        return width.find() && height.find() ? ratio(width.group(1), height.group(1)) : 0;
    }

    private static double ratio(String width, String height) {
        try {
            double h = Double.parseDouble(height);
            return h <= 0 ? 0 : Double.parseDouble(width) / h;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long uint32(byte[] bytes, int at) {
        return ((bytes[at] & 0xFFL) << 24) | ((bytes[at + 1] & 0xFFL) << 16) | ((bytes[at + 2] & 0xFFL) << 8)
                | (bytes[at + 3] & 0xFFL);
    }
}
