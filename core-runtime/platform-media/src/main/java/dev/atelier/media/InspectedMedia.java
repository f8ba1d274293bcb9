package dev.atelier.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What an accepted upload turned out to be; sanitizedFile is a new temp file the caller owns (moves or deletes it).
 *
 * @param kind           image or video
 * @param mediaType      the media type of {@code sanitizedFile}, e.g. {@code image/png}; for a WebP upload this is
 *                       the type it was written again as, which may differ from the upload's
 * @param sanitizedFile  the file to store instead of the upload: an image decoded and written again without
 *                       metadata, or a checked copy of a video
 * @param size           the size of {@code sanitizedFile} in bytes
 * @param width          width in pixels (of the video track, for a video; 0 if the container does not say)
 * @param height         height in pixels (of the video track, for a video; 0 if the container does not say)
 * @param durationMillis the duration of a video, or {@code null} for an image or a video whose container does not
 *                       say (e.g. a WebM recorded live)
 */
public record InspectedMedia(MediaKind kind, String mediaType, Path sanitizedFile, long size, int width, int height,
                             Long durationMillis) {

    public InspectedMedia {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sanitizedFile, "sanitizedFile");
    }
}
