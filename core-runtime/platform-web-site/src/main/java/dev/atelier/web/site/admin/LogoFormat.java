package dev.atelier.web.site.admin;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Recognizes an uploaded logo by its content, not by its name or declared type: PNG or SVG. */
final class LogoFormat {

    static final int MAX_BYTES = 1024 * 1024;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private LogoFormat() {}

    /** {@code image/png}, {@code image/svg+xml}, or empty when the bytes are neither. */
    static Optional<String> contentType(byte[] bytes) {
        if (bytes.length >= PNG.length && startsWith(bytes, PNG)) {
            return Optional.of("image/png");
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").stripLeading().toLowerCase(Locale.ROOT);
        boolean xmlish = head.startsWith("<svg") || head.startsWith("<?xml") || head.startsWith("<!--")
                || head.startsWith("<!doctype svg");
        return xmlish && head.contains("<svg") ? Optional.of("image/svg+xml") : Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
