package dev.atelier.model.replicate.internal;

import java.util.Optional;

/**
 * Media type and size of a downloaded picture, read from its header: the output URL's extension and the delivery
 * host's {@code Content-Type} are not trusted. Only the types the host serves are recognised (PNG, JPEG, WebP).
 */
final class ImageProbe {

    record Image(String mediaType, int width, int height) {}

    private ImageProbe() {}

    static Optional<Image> of(byte[] b) {
        if (b.length >= 24 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && ascii(b, 12, "IHDR")) {
            return valid("image/png", int32(b, 16), int32(b, 20));
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return jpeg(b);
        }
        if (b.length >= 30 && ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return webp(b);
        }
        return Optional.empty();
    }

    private static Optional<Image> jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xff) != 0xff) {
                return Optional.empty();
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xff) {
                i++;
                continue;
            }
            if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                i += 2;
                continue;
            }
            int length = int16(b, i + 2);
            boolean startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8
                    && marker != 0xcc;
            if (startOfFrame) {
                return valid("image/jpeg", int16(b, i + 7), int16(b, i + 5));
            }
            i += 2 + length;
        }
        return Optional.empty();
    }

    private static Optional<Image> webp(byte[] b) {
        if (ascii(b, 12, "VP8X")) {
            return valid("image/webp", 1 + int24le(b, 24), 1 + int24le(b, 27));
        }
        if (ascii(b, 12, "VP8L") && (b[20] & 0xff) == 0x2f) {
            int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
            return valid("image/webp", 1 + (bits & 0x3fff), 1 + ((bits >> 14) & 0x3fff));
        }
        if (ascii(b, 12, "VP8 ")) {
            return valid("image/webp", int16le(b, 26) & 0x3fff, int16le(b, 28) & 0x3fff);
        }
        return Optional.empty();
    }

    private static Optional<Image> valid(String mediaType, int width, int height) {
        return width > 0 && height > 0 ? Optional.of(new Image(mediaType, width, height)) : Optional.empty();
    }

    static boolean ascii(byte[] b, int offset, String text) {
        if (b.length < offset + text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (b[offset + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int int32(byte[] b, int i) {
        return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
    }

    private static int int16(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }

    private static int int16le(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static int int24le(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16;
    }
}
