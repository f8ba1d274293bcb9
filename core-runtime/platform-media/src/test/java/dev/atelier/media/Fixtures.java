package dev.atelier.media;

import org.jcodec.api.awt.AWTSequenceEncoder;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Makes the test files: real images and videos written by real encoders, and hand-built hostile variants. */
final class Fixtures {

    /** A camera make put into the EXIF of fixtures, to look for in what comes out. */
    static final String CAMERA = "SecretCam X";

    private Fixtures() {
    }

    /** A colourful picture, so encoders and scalers have something to work on. */
    static BufferedImage picture(int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 90, 200, alpha ? 128 : 255));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    static byte[] png(int width, int height) {
        return encode(picture(width, height, true), "png");
    }

    static byte[] jpeg(int width, int height) {
        return encode(picture(width, height, false), "jpeg");
    }

    /** A JPEG with an EXIF block (APP1) right after SOI giving {@code orientation} and a camera make. */
    static byte[] jpegWithExif(int width, int height, int orientation) {
        byte[] jpeg = jpeg(width, height);
        byte[] make = (CAMERA + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + make.length);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(make.length).putInt(8 + 2 + 2 * 12 + 4);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        tiff.put(make);
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
        ByteBuffer app1 = ByteBuffer.allocate(4 + exif.length);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif);
        return concat(slice(jpeg, 0, 2), app1.array(), slice(jpeg, 2, jpeg.length));
    }

    /** A PNG made of the given chunks, each given as type and data; CRCs are computed. */
    static byte[] pngOfChunks(Object... typesAndData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        for (int i = 0; i < typesAndData.length; i += 2) {
            out.writeBytes(chunk((String) typesAndData[i], (byte[]) typesAndData[i + 1]));
        }
        return out.toByteArray();
    }

    static byte[] chunk(String type, byte[] data) {
        return dev.atelier.testkit.Pngs.chunk(type, data);
    }

    static byte[] ihdr(int width, int height) {
        return ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array();
    }

    /** A few bytes of zlib data that expand to {@code length} zeros. */
    static byte[] deflatedZeros(int length) {
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[length]);
        deflater.finish();
        byte[] buffer = new byte[length + 64];
        int n = deflater.deflate(buffer);
        deflater.end();
        return slice(buffer, 0, n);
    }

    /** A ZIP archive holding one small file, as a polyglot payload. */
    static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("payload.html"));
            zip.write("<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An H.264 MP4 of {@code frames} frames at {@code fps}, made with a real encoder. */
    static void mp4(Path file, int width, int height, int frames, int fps) throws IOException {
        AWTSequenceEncoder encoder = AWTSequenceEncoder.createSequenceEncoder(file.toFile(), fps);
        for (int i = 0; i < frames; i++) {
            BufferedImage frame = picture(width, height, false);
            Graphics2D g = frame.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(i * 2 % width, 0, 4, height);
            g.dispose();
            encoder.encodeImage(frame);
        }
        encoder.finish();
    }

    /**
     * A minimal WebM: EBML header (DocType {@code docType}), and a Segment with Info (1 ms timecodes, the given
     * duration), Tracks (one VP8 video track of the given size) and one Cluster holding a block.
     */
    static byte[] webm(String docType, int width, int height, double durationMillis) {
        byte[] ebmlHeader = element(0x1A45DFA3, concat(
                element(0x4286, uint(1)), element(0x42F7, uint(1)), element(0x42F2, uint(4)),
                element(0x42F3, uint(8)), element(0x4282, docType.getBytes(StandardCharsets.US_ASCII)),
                element(0x4287, uint(2)), element(0x4285, uint(2))));
        byte[] info = element(0x1549A966, concat(
                element(0x2AD7B1, uint(1_000_000)),
                element(0x4489, ByteBuffer.allocate(8).putDouble(durationMillis).array()),
                element(0x4D80, "atelier-test".getBytes(StandardCharsets.US_ASCII))));
        byte[] tracks = element(0x1654AE6B, element(0xAE, concat(
                element(0xD7, uint(1)), element(0x83, uint(1)),
                element(0x86, "V_VP8".getBytes(StandardCharsets.US_ASCII)),
                element(0xE0, concat(element(0xB0, uint(width)), element(0xBA, uint(height)))))));
        byte[] cluster = element(0x1F43B675, concat(
                element(0xE7, uint(0)),
                element(0xA3, new byte[] {(byte) 0x81, 0, 0, (byte) 0x80, 1, 2, 3, 4})));
        return concat(ebmlHeader, element(0x18538067, concat(info, tracks, cluster)));
    }

    /**
     * A WebM as a live recorder writes it: Segment and Clusters of unknown size, no duration, two clusters; and
     * optionally an Attachments element carrying a file.
     */
    static byte[] liveWebm(boolean withAttachment) {
        byte[] full = webm("webm", 64, 48, 1);
        long headerSize = ByteBuffer.wrap(full, 4, 8).getLong() & 0x00FFFFFFFFFFFFFFL;
        byte[] ebmlHeader = slice(full, 0, 12 + (int) headerSize);
        byte[] info = element(0x1549A966, element(0x2AD7B1, uint(1_000_000)));
        byte[] tracks = element(0x1654AE6B, element(0xAE, concat(
                element(0xD7, uint(1)), element(0x83, uint(1)),
                element(0x86, "V_VP8".getBytes(StandardCharsets.US_ASCII)),
                element(0xE0, concat(element(0xB0, uint(64)), element(0xBA, uint(48)))))));
        byte[] block = element(0xA3, new byte[] {(byte) 0x81, 0, 0, (byte) 0x80, 9, 9, 9});
        byte[] cluster = unknownSize(0x1F43B675, concat(element(0xE7, uint(0)), block, block));
        byte[] attachment = withAttachment ? element(0x1941A469, element(0x61A7, concat(
                element(0x466E, "payload.zip".getBytes(StandardCharsets.US_ASCII)),
                element(0x4660, "application/zip".getBytes(StandardCharsets.US_ASCII)),
                element(0x465C, zip())))) : new byte[0];
        return concat(ebmlHeader, unknownSize(0x18538067, concat(info, tracks, attachment, cluster, cluster)));
    }

    /** An EBML element whose size is given as unknown (all ones), so it runs until its parent's next child. */
    static byte[] unknownSize(long id, byte[] data) {
        byte[] known = element(id, data);
        int idLength = known.length - 8 - data.length;
        ByteBuffer.wrap(known).putLong(idLength, 0x01FFFFFFFFFFFFFFL);
        return known;
    }

    /** An EBML element with an ID (written in as many bytes as it has) and an 8-byte size. */
    static byte[] element(long id, byte[] data) {
        int idLength = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
        ByteBuffer e = ByteBuffer.allocate(idLength + 8 + data.length);
        for (int i = idLength - 1; i >= 0; i--) {
            e.put((byte) (id >> (8 * i)));
        }
        e.putLong(0x0100000000000000L | data.length);
        e.put(data);
        return e.array();
    }

    private static byte[] uint(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] slice(byte[] data, int from, int to) {
        return java.util.Arrays.copyOfRange(data, from, to);
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
