package dev.atelier.media;

import java.util.Objects;

/**
 * A generated image accepted by {@link MediaInspector#inspectGeneratedImage}: the bytes to store and the thumbnail
 * made from the one decode that checked them.
 *
 * @param mediaType the media type of {@code bytes}, e.g. {@code image/png}
 * @param bytes     the image without metadata
 * @param width     width in pixels
 * @param height    height in pixels
 * @param thumbnail a JPEG ({@link Thumbnails#thumbnailMediaType()}) whose longer side is at most the side asked for,
 *                  or null when the image is its own thumbnail (see {@link MediaInspector#inspectGeneratedImage})
 */
public record CheckedImage(String mediaType, byte[] bytes, int width, int height, byte[] thumbnail) {

    public CheckedImage {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(bytes, "bytes");
    }
}
