package dev.atelier.media;

import java.util.Set;

/**
 * Drops a checked PNG's ancillary chunks without decoding it: the signature and the kept chunks are copied byte for
 * byte (their checksums were verified by {@link PngStructure}), so the pixels stay exactly as they were.
 *
 * <p>Kept: the critical chunks (IHDR, PLTE, IDAT, IEND), tRNS (transparency is part of the picture), and gAMA, cHRM
 * and sRGB: fixed-size numbers that say how to show the pixels' colours, with no room for text. Dropped: everything
 * else, among them tEXt, zTXt, iTXt, eXIf, tIME, pHYs and private chunks. An embedded ICC profile (iCCP) is not
 * passed through: it can carry free text and is a parser's attack surface, yet dropping it would change the colours
 * of a wide-gamut image, so an image with one is converted to sRGB and written again instead (see
 * {@link MediaInspector}).
 */
final class PngChunkFilter {

    static final Set<String> KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB");
    private static final int SIGNATURE_LENGTH = 8;

    private PngChunkFilter() {
    }

    /** {@code data} with only the {@link #KEPT} chunks of {@code png} (which was read from {@code data}). */
    static byte[] filter(byte[] data, PngStructure.PngFile png) {
        int size = SIGNATURE_LENGTH;
        for (PngStructure.Chunk chunk : png.chunks()) {
            if (KEPT.contains(chunk.type())) {
                size += chunk.end() - chunk.start();
            }
        }
        byte[] out = new byte[size];
        System.arraycopy(data, 0, out, 0, SIGNATURE_LENGTH);
        int at = SIGNATURE_LENGTH;
        for (PngStructure.Chunk chunk : png.chunks()) {
            if (KEPT.contains(chunk.type())) {
                System.arraycopy(data, chunk.start(), out, at, chunk.end() - chunk.start());
                at += chunk.end() - chunk.start();
            }
        }
        return out;
    }
}
