package dev.atelier.spi.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One generated image or video. The host copies the content to the tenant's storage after {@code generate} returns,
 * so a model may hand over bytes in memory or a file it wrote (which the host deletes once copied).
 */
public final class GeneratedMedia {

    private final MediaKind kind;
    private final String mediaType;
    private final byte[] bytes;
    private final Path file;
    private final int width;
    private final int height;
    private final Long durationMillis;

    private GeneratedMedia(
            MediaKind kind, String mediaType, byte[] bytes, Path file, int width, int height, Long durationMillis) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        this.bytes = bytes;
        this.file = file;
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be positive");
        }
        this.width = width;
        this.height = height;
        this.durationMillis = durationMillis;
    }

    /** An image held in memory, for example {@code image("image/png", png, 1024, 1024)}. */
    public static GeneratedMedia image(String mediaType, byte[] content, int width, int height) {
        return new GeneratedMedia(MediaKind.IMAGE, mediaType, content.clone(), null, width, height, null);
    }

    /** A video written to {@code file}; the host moves or deletes the file once it has stored it. */
    public static GeneratedMedia video(String mediaType, Path file, int width, int height, long durationMillis) {
        return new GeneratedMedia(MediaKind.VIDEO, mediaType, null, file, width, height, durationMillis);
    }

    public MediaKind kind() {
        return kind;
    }

    /** For example {@code image/png} or {@code video/mp4}. */
    public String mediaType() {
        return mediaType;
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** Length of a video; empty for images. */
    public OptionalLong durationMillis() {
        return durationMillis == null ? OptionalLong.empty() : OptionalLong.of(durationMillis);
    }

    /** Size of the content in bytes. */
    public long size() throws IOException {
        return bytes != null ? bytes.length : Files.size(file);
    }

    /** Opens the content; the caller closes the stream. */
    public InputStream open() throws IOException {
        return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
    }

    /** The file holding the content, if the model wrote one. */
    public java.util.Optional<Path> file() {
        return java.util.Optional.ofNullable(file);
    }
}
