package dev.atelier.media;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Walks a PNG's chunks: every chunk must be whole with a correct checksum, IHDR first, and nothing may follow IEND
 * (a ZIP or a script appended there is how PNG polyglots are made).
 */
final class PngStructure {

    private PngStructure() {
    }

    static ImageHeader check(byte[] data) throws MediaRejectedException {
        int pos = 8;
        int width = -1;
        int height = -1;
        int samples = 0;
        int bits = 0;
        boolean sawImageData = false;
        CRC32 crc = new CRC32();
        while (true) {
            if (pos + 12 > data.length) {
                throw MediaRejectedException.unreadable(UploadFormat.PNG.typeName);
            }
            long length = Bytes.u32be(data, pos);
            if (length > data.length - pos - 12L) {
                throw MediaRejectedException.unreadable(UploadFormat.PNG.typeName);
            }
            String type = new String(data, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw MediaRejectedException.unreadable(UploadFormat.PNG.typeName);
            }
            int dataStart = pos + 8;
            int dataEnd = dataStart + (int) length;
            crc.reset();
            crc.update(data, pos + 4, 4 + (int) length);
            if (crc.getValue() != Bytes.u32be(data, dataEnd)) {
                throw MediaRejectedException.unreadable(UploadFormat.PNG.typeName);
            }
            if (width < 0) {
                if (!type.equals("IHDR") || length != 13) {
                    throw MediaRejectedException.unreadable(UploadFormat.PNG.typeName);
                }
                long w = Bytes.u32be(data, dataStart);
                long h = Bytes.u32be(data, dataStart + 4);
                if (w == 0 || h == 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
                    throw MediaRejectedException.unreadable(UploadFormat.PNG.typeName);
                }
                width = (int) w;
                height = (int) h;
                bits = Bytes.u8(data, dataStart + 8);
                samples = samplesOfColourType(Bytes.u8(data, dataStart + 9));
            } else if (type.equals("acTL")) {
                throw MediaRejectedException.unsupported("An animated PNG image");
            } else if (type.equals("IDAT")) {
                sawImageData = true;
            }
            pos = dataEnd + 4;
            if (type.equals("IEND")) {
                break;
            }
        }
        if (!sawImageData) {
            throw MediaRejectedException.unreadable(UploadFormat.PNG.typeName);
        }
        if (pos != data.length) {
            throw MediaRejectedException.extraData(UploadFormat.PNG.typeName);
        }
        return new ImageHeader(width, height, 1, samples, bits, false);
    }

    // Palette images decode to one index per pixel; an unknown colour type is counted as the widest.
    private static int samplesOfColourType(int colourType) {
        return switch (colourType) {
            case 0, 3 -> 1;
            case 4 -> 2;
            case 2 -> 3;
            default -> 4;
        };
    }
}
