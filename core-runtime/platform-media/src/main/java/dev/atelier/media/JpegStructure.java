package dev.atelier.media;

/**
 * Walks a JPEG's marker segments and entropy-coded data up to EOI. Data after EOI is refused unless it is a little
 * padding or further complete JPEGs (the secondary images of the Multi-Picture Format that phones write), since an
 * archive or script appended after EOI is how JPEG polyglots are made.
 */
final class JpegStructure {

    /** Some encoders pad after EOI with a few zero or 0xFF bytes or a line break; tolerate that much. */
    private static final int PADDING_TOLERANCE = 16;
    /** Appended JPEGs accepted after the main one (MPF secondary images, gain maps). */
    private static final int MAX_APPENDED_IMAGES = 8;

    private JpegStructure() {
    }

    static ImageHeader check(byte[] data) throws MediaRejectedException {
        Segments main = walk(data, 0);
        if (main == null || main.width <= 0) {
            throw MediaRejectedException.unreadable(UploadFormat.JPEG.typeName);
        }
        int pos = main.end;
        for (int appended = 0; pos < data.length; appended++) {
            if (isPadding(data, pos)) {
                break;
            }
            Segments next = appended < MAX_APPENDED_IMAGES && isSoi(data, pos) ? walk(data, pos) : null;
            if (next == null) {
                throw MediaRejectedException.extraData(UploadFormat.JPEG.typeName);
            }
            pos = next.end;
        }
        return new ImageHeader(main.width, main.height, main.orientation, main.components, main.precision,
                main.progressive);
    }

    /** The orientation a JPEG's EXIF gives, without checking the rest of the file; 1 when it gives none. */
    static int orientation(byte[] data) {
        Segments segments = walk(data, 0);
        return segments == null ? 1 : segments.orientation;
    }

    private static boolean isSoi(byte[] data, int pos) {
        return pos + 3 <= data.length && Bytes.u8(data, pos) == 0xFF && Bytes.u8(data, pos + 1) == 0xD8
                && Bytes.u8(data, pos + 2) == 0xFF;
    }

    private static boolean isPadding(byte[] data, int pos) {
        if (data.length - pos > PADDING_TOLERANCE) {
            return false;
        }
        for (int i = pos; i < data.length; i++) {
            int b = Bytes.u8(data, i);
            if (b != 0x00 && b != 0xFF && b != '\r' && b != '\n' && b != ' ') {
                return false;
            }
        }
        return true;
    }

    private static final class Segments {
        int width;
        int height;
        int orientation = 1;
        int components;
        int precision;
        boolean progressive;
        int end;
    }

    /** The JPEG starting at {@code start}, or null when it is not whole up to its EOI. */
    private static Segments walk(byte[] data, int start) {
        Segments result = new Segments();
        int pos = start + 2;
        boolean sawExif = false;
        while (true) {
            if (pos >= data.length || Bytes.u8(data, pos) != 0xFF) {
                return null;
            }
            while (pos < data.length && Bytes.u8(data, pos) == 0xFF) {
                pos++;
            }
            if (pos >= data.length) {
                return null;
            }
            int marker = Bytes.u8(data, pos++);
            if (marker == 0xD9) {
                result.end = pos;
                return result;
            }
            if (marker == 0xD8 || marker == 0x00) {
                return null;
            }
            if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                continue;
            }
            if (pos + 2 > data.length) {
                return null;
            }
            int length = Bytes.u16be(data, pos);
            if (length < 2 || pos + length > data.length) {
                return null;
            }
            int body = pos + 2;
            int bodyLength = length - 2;
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                    && marker != 0xCC;
            if (startOfFrame && result.width == 0) {
                if (bodyLength < 6) {
                    return null;
                }
                result.precision = Bytes.u8(data, body);
                result.height = Bytes.u16be(data, body + 1);
                result.width = Bytes.u16be(data, body + 3);
                result.components = Bytes.u8(data, body + 5);
                // SOF2, SOF6, SOF10 and SOF14 start progressive frames.
                result.progressive = (marker & 0x03) == 0x02;
                if (result.width == 0 || result.height == 0 || result.components == 0) {
                    return null;
                }
            } else if (marker == 0xE1 && !sawExif && UploadFormat.ascii(data, body + bodyLength, body, "Exif\0")) {
                sawExif = true;
                result.orientation = ExifOrientation.read(data, body + 6, bodyLength - 6);
            }
            pos += length;
            if (marker == 0xDA) {
                pos = skipEntropyCodedData(data, pos);
                if (pos < 0) {
                    return null;
                }
            }
        }
    }

    /** The position of the marker that ends the scan starting at {@code pos}, or -1 if the file ends first. */
    private static int skipEntropyCodedData(byte[] data, int pos) {
        while (pos + 1 < data.length) {
            if (Bytes.u8(data, pos) != 0xFF) {
                pos++;
                continue;
            }
            int next = Bytes.u8(data, pos + 1);
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                pos += 2;
            } else if (next == 0xFF) {
                pos++;
            } else {
                return pos;
            }
        }
        return -1;
    }
}
