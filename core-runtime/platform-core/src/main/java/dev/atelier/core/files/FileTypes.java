package dev.atelier.core.files;

import java.util.Locale;
import java.util.Map;

/**
 * Media types of the files the platform serves or stores (theme files, tenant assets), by file extension: the JDK's
 * guesses vary by machine, so the platform keeps its own short list.
 */
public final class FileTypes {

    public static final String SVG = "image/svg+xml";
    public static final String PNG = "image/png";
    public static final String OCTET_STREAM = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"),
            Map.entry("mjs", "text/javascript"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain"),
            Map.entry("svg", SVG),
            Map.entry("png", PNG),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"));

    private FileTypes() {}

    /** The media type of {@code fileName} by its extension; {@value #OCTET_STREAM} when unknown. */
    public static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, OCTET_STREAM);
    }

    /** The extension a stored logo or icon of {@code contentType} is named with; {@code bin} when not an image. */
    public static String extensionOf(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith(SVG)) {
            return "svg";
        }
        if (type.startsWith(PNG)) {
            return "png";
        }
        if (type.startsWith("image/x-icon") || type.startsWith("image/vnd.microsoft.icon")) {
            return "ico";
        }
        if (type.startsWith("image/webp")) {
            return "webp";
        }
        if (type.startsWith("image/jpeg")) {
            return "jpg";
        }
        return "bin";
    }
}
