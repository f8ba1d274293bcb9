package dev.atelier.media;

/**
 * How many bytes of heap decoding a file may take, estimated from its header before anything is decoded. Generous
 * rather than exact: it only has to be an upper bound for the budget to hold.
 */
final class DecodeCost {

    /** The copy that is written out again: an sRGB, upright or opaque image of four bytes per pixel. */
    private static final int CONVERTED_BYTES_PER_PIXEL = 4;

    private DecodeCost() {
    }

    /**
     * An image's decode: its pixels at one byte per sample (deep PNGs are decoded straight to eight bits), a converted
     * copy, the coefficients a progressive JPEG keeps, a WebP decoder's own ARGB buffer, and the file read twice.
     */
    static long ofImage(UploadFormat format, ImageHeader header, long fileBytes) {
        int samples = Math.min(4, Math.max(1, header.samplesPerPixel()));
        long perPixel = switch (format) {
            case PNG -> samples + CONVERTED_BYTES_PER_PIXEL;
            case JPEG -> samples * (header.bitsPerSample() > 8 ? 2L : 1L) + CONVERTED_BYTES_PER_PIXEL
                    + (header.progressive() ? 2L * samples : 0);
            case WEBP -> 4L + 4L + CONVERTED_BYTES_PER_PIXEL;
            default -> throw new IllegalArgumentException("not an image format: " + format);
        };
        return header.pixels() * perPixel + 2 * fileBytes;
    }

    /**
     * A video frame's decode: the planes of a 4:2:0 frame (1.5 bytes per pixel) twice over (the decoder keeps a
     * reference frame), the RGB image made of it, and the sample tables read from the container's moov box.
     */
    static long ofVideoFrame(long pixels, long moovBytes) {
        return pixels * (3 + CONVERTED_BYTES_PER_PIXEL) + 8 * moovBytes;
    }
}
