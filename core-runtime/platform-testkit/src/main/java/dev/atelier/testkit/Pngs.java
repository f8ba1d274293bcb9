package dev.atelier.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** PNG files written byte by byte, for tests of what an image decoder is handed. */
public final class Pngs {

    private Pngs() {
    }

    /**
     * An RGBA PNG of 16 bits per sample in one flat colour, every pixel {@code (red, green, blue, alpha)} (each
     * 0–65535). It compresses about a thousand to one: 6000 × 6600 is some 300 KB on disk and 300 MB once decoded,
     * which is how an upload amplifies memory.
     */
    public static byte[] deepFlatRgba(int width, int height, int red, int green, int blue, int alpha) {
        byte[] row = new byte[1 + width * 8];
        for (int x = 0; x < width; x++) {
            ByteBuffer.wrap(row, 1 + x * 8, 8).putShort((short) red).putShort((short) green)
                    .putShort((short) blue).putShort((short) alpha);
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int y = 0; y < height; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.writeBytes(chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 16)
                .put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0).array()));
        png.writeBytes(chunk("IDAT", compressed.toByteArray()));
        png.writeBytes(chunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    /** One PNG chunk: length, type, data and the CRC of type and data. */
    public static byte[] chunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }
}
