package dev.atelier.media;

/**
 * The largest uploads {@link MediaInspector} accepts; anything larger is refused with status 413.
 *
 * @param maxImageBytes  the largest image file, in bytes
 * @param maxImagePixels the most pixels (width × height) an image may declare
 * @param maxVideoBytes  the largest video file, in bytes
 */
public record MediaLimits(long maxImageBytes, long maxImagePixels, long maxVideoBytes) {

    private static final long MB = 1024L * 1024L;

    public MediaLimits {
        if (maxImageBytes <= 0 || maxImagePixels <= 0 || maxVideoBytes <= 0) {
            throw new IllegalArgumentException("media limits must be positive: " + maxImageBytes + ", "
                    + maxImagePixels + ", " + maxVideoBytes);
        }
    }

    /** 20 MB images of at most 40 megapixels, and 100 MB videos. */
    public static MediaLimits defaults() {
        return new MediaLimits(20 * MB, 40_000_000L, 100 * MB);
    }
}
