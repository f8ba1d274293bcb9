package dev.atelier.model.openai.internal;

import java.util.Optional;

/** Width and height of a returned picture, read from its header so the picture is never decoded. */
record ImageSize(String mediaType, int width, int height) {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** The size of a PNG or JPEG; empty for anything else or a header that makes no sense. */
    static Optional<ImageSize> of(byte[] image) {
        if (startsWith(image, PNG_SIGNATURE)) {
            return png(image);
        }
        if (image.length > 3 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8 && (image[2] & 0xff) == 0xff) {
            return jpeg(image);
        }
        return Optional.empty();
    }

    /** The first chunk of a PNG is IHDR: length, "IHDR", then width and height as big-endian 32-bit numbers. */
    private static Optional<ImageSize> png(byte[] image) {
        if (image.length < 24 || image[12] != 'I' || image[13] != 'H' || image[14] != 'D' || image[15] != 'R') {
            return Optional.empty();
        }
        return sized("image/png", int32(image, 16), int32(image, 20));
    }

    /** Walks the JPEG segments to the first start-of-frame marker, which holds height then width. */
    private static Optional<ImageSize> jpeg(byte[] image) {
        int at = 2;
        while (at + 9 < image.length) {
            if ((image[at] & 0xff) != 0xff) {
                return Optional.empty();
            }
            int marker = image[at + 1] & 0xff;
            if (marker == 0xff) {
                at++;
                continue;
            }
            int length = int16(image, at + 2);
            boolean startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8
                    && marker != 0xcc;
            if (startOfFrame) {
                return sized("image/jpeg", int16(image, at + 7), int16(image, at + 5));
            }
            at += 2 + length;
        }
        return Optional.empty();
    }

    private static Optional<ImageSize> sized(String mediaType, long width, long height) {
        return width > 0 && height > 0 && width <= 100_000 && height <= 100_000
                ? Optional.of(new ImageSize(mediaType, (int) width, (int) height))
                : Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long int32(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8)
                | (b[at + 3] & 0xff);
    }

    private static int int16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
