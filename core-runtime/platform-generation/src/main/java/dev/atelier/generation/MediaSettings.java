package dev.atelier.generation;

import java.time.Duration;
import java.util.Objects;

/**
 * How much uploads and media decoding may take on this node.
 *
 * @param decodeMemoryBytes  heap that image and poster-frame decoding may hold at once; a file needing more is
 *                           refused (413), one that cannot get its share within a few seconds is answered 503
 * @param posterDeadline     longest a video's poster frame may take to decode; past it the output is refused
 * @param maxUnusedUploads   uploads a user may keep that no generation has used yet (they expire after a day)
 * @param maxUnusedBytes     bytes of such uploads a user may keep
 * @param uploadsPerMinute   uploads a user may send per minute (spent allowance comes back gradually)
 */
public record MediaSettings(long decodeMemoryBytes, Duration posterDeadline, int maxUnusedUploads,
        long maxUnusedBytes, int uploadsPerMinute) {

    private static final long MB = 1024L * 1024L;

    public MediaSettings {
        Objects.requireNonNull(posterDeadline, "posterDeadline");
        if (decodeMemoryBytes < MB || maxUnusedUploads < 1 || maxUnusedBytes < 1 || uploadsPerMinute < 1) {
            throw new IllegalArgumentException("media settings must be positive (decode memory at least 1 MB)");
        }
    }

    /** The defaults of the configuration keys: 512 MB, 20 s, 50 uploads, 500 MB, 20 per minute. */
    public static MediaSettings defaults() {
        return new MediaSettings(512 * MB, Duration.ofSeconds(20), 50, 500 * MB, 20);
    }
}
