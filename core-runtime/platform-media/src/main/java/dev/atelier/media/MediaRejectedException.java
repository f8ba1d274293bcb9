package dev.atelier.media;

import java.util.Locale;

/**
 * Why an upload was refused: status 415 (not a supported/valid type, polyglot, corrupt) or 413 (too large: bytes or
 * pixels); message written for a person.
 *
 * <p>The message names no file path and quotes nothing from the file, so it can be shown to the uploader as the
 * {@code detail} of a problem response and logged as it is.
 */
public final class MediaRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    static final String SUPPORTED = "Supported files are PNG, JPEG and WebP images, and MP4 and WebM videos.";

    private final int status;

    /**
     * @param status  413 or 415
     * @param message why, for a person
     */
    public MediaRejectedException(int status, String message) {
        super(message);
        if (status != 413 && status != 415) {
            throw new IllegalArgumentException("status must be 413 or 415, not " + status);
        }
        this.status = status;
    }

    /** 415 for an unsupported, damaged or disguised file; 413 for one too large in bytes or pixels. */
    public int status() {
        return status;
    }

    static MediaRejectedException unsupported(String what) {
        String lead = what == null
                ? "This file is not an image or video that can be uploaded."
                : what + " cannot be uploaded.";
        return new MediaRejectedException(415, lead + " " + SUPPORTED);
    }

    static MediaRejectedException unreadable(String typeName) {
        return new MediaRejectedException(415, "This " + typeName + " could not be read: it is damaged or"
                + " incomplete. Save or export it again and upload the new copy.");
    }

    static MediaRejectedException extraData(String typeName) {
        return new MediaRejectedException(415, "This " + typeName + " has other data hidden in or after it, so it"
                + " was refused. Save or export it again and upload the new copy.");
    }

    static MediaRejectedException tooManyBytes(String kindName, long size, long limit) {
        return new MediaRejectedException(413, "This " + kindName + " is " + megabytes(size)
                + ", larger than the " + megabytes(limit) + " allowed for " + kindName + "s.");
    }

    static MediaRejectedException tooManyPixels(long width, long height, long limit) {
        return new MediaRejectedException(413, "This image is " + width + " × " + height + " pixels ("
                + megapixels(width * height) + " megapixels), more than the " + megapixels(limit)
                + " megapixels allowed. Make it smaller and upload it again.");
    }

    static MediaRejectedException tooMuchMemory(String kindName, long needed, long budget) {
        return new MediaRejectedException(413, "This " + kindName + " would need " + megabytes(needed)
                + " of memory to process, more than the " + megabytes(budget) + " this site allows. Make it smaller"
                + " (fewer pixels, or 8 bits per colour) and upload it again.");
    }

    private static String megabytes(long bytes) {
        return trim(bytes / (1024.0 * 1024.0)) + " MB";
    }

    private static String megapixels(long pixels) {
        return trim(pixels / 1_000_000.0);
    }

    private static String trim(double value) {
        if (value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, value < 0.1 ? "%.2f" : "%.1f", value);
    }
}
