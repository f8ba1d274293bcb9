package dev.atelier.media;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Walks a PNG's chunks: every chunk must be whole with a correct checksum, IHDR first, the image data in consecutive
 * IDAT chunks, no critical chunk this reader does not know (a decoder must refuse those), and nothing may follow
 * IEND (a ZIP or a script appended there is how PNG polyglots are made).
 */
final class PngStructure {

    /** The critical chunks of PNG; any other chunk whose type starts with a capital letter makes a PNG unreadable. */
    private static final Set<String> CRITICAL = Set.of("IHDR", "PLTE", "IDAT", "IEND");

    private PngStructure() {
    }

    /** One chunk: {@code start} is where its length field is; the chunk takes {@code 12 + length} bytes. */
    record Chunk(String type, int start, int length) {
        int dataStart() {
            return start + 8;
        }

        int end() {
            return start + 12 + length;
        }
    }

    /**
     * A checked PNG.
     *
     * @param colourType IHDR's colour type (0 grey, 2 RGB, 3 palette, 4 grey and alpha, 6 RGBA)
     * @param interlaced whether the image is stored in seven Adam7 passes
     * @param chunks     every chunk, in file order
     */
    record PngFile(ImageHeader header, int colourType, boolean interlaced, List<Chunk> chunks) {
        boolean has(String type) {
            return chunks.stream().anyMatch(chunk -> chunk.type().equals(type));
        }
    }

    static ImageHeader check(byte[] data) throws MediaRejectedException {
        return read(data).header();
    }

    static PngFile read(byte[] data) throws MediaRejectedException {
        int pos = 8;
        byte[] ihdr = null;
        List<Chunk> chunks = new ArrayList<>();
        String previous = "";
        CRC32 crc = new CRC32();
        while (true) {
            if (pos + 12 > data.length) {
                throw unreadable();
            }
            long length = Bytes.u32be(data, pos);
            if (length > data.length - pos - 12L) {
                throw unreadable();
            }
            String type = new String(data, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw unreadable();
            }
            int dataStart = pos + 8;
            int dataEnd = dataStart + (int) length;
            crc.reset();
            crc.update(data, pos + 4, 4 + (int) length);
            if (crc.getValue() != Bytes.u32be(data, dataEnd)) {
                throw unreadable();
            }
            if (ihdr == null) {
                if (!type.equals("IHDR") || length != 13) {
                    throw unreadable();
                }
                ihdr = Arrays.copyOfRange(data, dataStart, dataEnd);
            } else if (type.equals("IHDR") || Character.isUpperCase(type.charAt(0)) && !CRITICAL.contains(type)) {
                throw unreadable();
            } else if (type.equals("acTL")) {
                throw MediaRejectedException.unsupported("An animated PNG image");
            } else if (type.equals("IDAT") && !previous.equals("IDAT") && hasIdat(chunks)) {
                // The image data is one stream cut into consecutive IDAT chunks.
                throw unreadable();
            }
            chunks.add(new Chunk(type, pos, (int) length));
            previous = type;
            pos = dataEnd + 4;
            if (type.equals("IEND")) {
                break;
            }
        }
        if (!hasIdat(chunks)) {
            throw unreadable();
        }
        if (pos != data.length) {
            throw MediaRejectedException.extraData(UploadFormat.PNG.typeName);
        }
        return header(ihdr, chunks);
    }

    private static PngFile header(byte[] ihdr, List<Chunk> chunks) throws MediaRejectedException {
        long w = Bytes.u32be(ihdr, 0);
        long h = Bytes.u32be(ihdr, 4);
        if (w == 0 || h == 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
            throw unreadable();
        }
        int bits = Bytes.u8(ihdr, 8);
        int colourType = Bytes.u8(ihdr, 9);
        ImageHeader header = new ImageHeader((int) w, (int) h, 1, samplesOfColourType(colourType), bits, false);
        return new PngFile(header, colourType, Bytes.u8(ihdr, 12) != 0, List.copyOf(chunks));
    }

    private static boolean hasIdat(List<Chunk> chunks) {
        return chunks.stream().anyMatch(chunk -> chunk.type().equals("IDAT"));
    }

    private static MediaRejectedException unreadable() {
        return MediaRejectedException.unreadable(UploadFormat.PNG.typeName);
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
