package dev.atelier.core.tenants.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/** Media types of tenant assets by file extension, and their content hashes. */
final class MediaTypes {

    static final String SVG = "image/svg+xml";
    static final String PNG = "image/png";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("svg", SVG), Map.entry("png", PNG), Map.entry("ico", "image/x-icon"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("webp", "image/webp"),
            Map.entry("gif", "image/gif"), Map.entry("css", "text/css"), Map.entry("js", "text/javascript"),
            Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"), Map.entry("txt", "text/plain"),
            Map.entry("json", "application/json"));

    private MediaTypes() {}

    static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, "application/octet-stream");
    }

    static String extension(String contentType) {
        return SVG.equals(contentType) ? "svg" : PNG.equals(contentType) ? "png" : null;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
