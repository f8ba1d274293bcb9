package dev.atelier.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Damages MP4 files in the ways a broken or hostile video generator could, keeping the box structure valid. */
public final class Mp4Edits {

    private Mp4Edits() {
    }

    /** The video with every byte of its mdat payload (the coded frames) set to {@code fill}. */
    public static byte[] withMediaDataFilled(byte[] mp4, byte fill) {
        byte[] edited = mp4.clone();
        int type = indexOf(edited, "mdat", 0);
        long size = ByteBuffer.wrap(edited, type - 4, 4).getInt() & 0xFFFFFFFFL;
        int body = type + 4;
        if (size == 1) { // a 64-bit size follows the type
            size = ByteBuffer.wrap(edited, type + 4, 8).getLong();
            body += 8;
        }
        Arrays.fill(edited, body, (int) (type - 4 + size), fill);
        return edited;
    }

    /** The video with its avc1 sample description declaring frames of {@code width} × {@code height}. */
    public static byte[] declaringFrameSize(byte[] mp4, int width, int height) {
        byte[] edited = mp4.clone();
        // The sample description follows stsd; "avc1" also appears earlier, among ftyp's compatible brands.
        int start = indexOf(edited, "avc1", indexOf(edited, "stsd", 0)) - 4;
        // Box header (8), reserved (6), data reference (2) and sixteen bytes of versions and qualities come first.
        ByteBuffer.wrap(edited, start + 32, 4).putShort((short) width).putShort((short) height);
        return edited;
    }

    private static int indexOf(byte[] data, String type, int from) {
        byte[] needle = type.getBytes(StandardCharsets.US_ASCII);
        for (int i = from; i + needle.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + type + " box");
    }
}
