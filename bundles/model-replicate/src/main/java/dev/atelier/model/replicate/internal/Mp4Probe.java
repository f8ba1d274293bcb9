package dev.atelier.model.replicate.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Size and length of a downloaded MP4, read from its boxes: {@code moov/mvhd} for the duration, the first
 * {@code moov/trak/tkhd} with a picture size for width and height. Works whether {@code moov} comes first or last.
 */
final class Mp4Probe {

    record Video(int width, int height, long durationMillis) {}

    private Mp4Probe() {}

    static boolean looksLikeMp4(byte[] head) {
        return head.length >= 8 && ImageProbe.ascii(head, 4, "ftyp");
    }

    static Optional<Video> of(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long[] moov = find(in, 0, in.length(), "moov");
            if (moov == null) {
                return Optional.empty();
            }
            long duration = duration(in, moov);
            int[] size = null;
            long at = moov[0];
            while (size == null) {
                long[] trak = find(in, at, moov[1], "trak");
                if (trak == null) {
                    break;
                }
                long[] tkhd = find(in, trak[0], trak[1], "tkhd");
                if (tkhd != null) {
                    size = pictureSize(in, tkhd);
                }
                at = trak[1];
            }
            return size == null || duration <= 0 ? Optional.empty()
                    : Optional.of(new Video(size[0], size[1], duration));
        }
    }

    /** The content range {start, end} of the first box of {@code type} between {@code from} and {@code to}. */
    private static long[] find(RandomAccessFile in, long from, long to, String type) throws IOException {
        long at = from;
        while (at + 8 <= to) {
            in.seek(at);
            long size = in.readInt() & 0xffffffffL;
            byte[] name = new byte[4];
            in.readFully(name);
            long header = 8;
            if (size == 1) {
                size = in.readLong();
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < header || at + size > to) {
                return null;
            }
            if (ImageProbe.ascii(name, 0, type)) {
                return new long[] {at + header, at + size};
            }
            at += size;
        }
        return null;
    }

    private static long duration(RandomAccessFile in, long[] moov) throws IOException {
        long[] mvhd = find(in, moov[0], moov[1], "mvhd");
        if (mvhd == null) {
            return -1;
        }
        in.seek(mvhd[0]);
        int version = in.readUnsignedByte();
        in.skipBytes(3);
        long timescale;
        long duration;
        if (version == 1) {
            in.skipBytes(16);
            timescale = in.readInt() & 0xffffffffL;
            duration = in.readLong();
        } else {
            in.skipBytes(8);
            timescale = in.readInt() & 0xffffffffL;
            duration = in.readInt() & 0xffffffffL;
        }
        return timescale == 0 ? -1 : duration * 1000 / timescale;
    }

    private static int[] pictureSize(RandomAccessFile in, long[] tkhd) throws IOException {
        in.seek(tkhd[0]);
        int version = in.readUnsignedByte();
        in.skipBytes(3);
        // times, track id, reserved, duration (version 1 has 64-bit times and duration)
        in.skipBytes(version == 1 ? 32 : 20);
        // reserved, layer, alternate group, volume, reserved, matrix
        in.skipBytes(8 + 2 + 2 + 2 + 2 + 36);
        int width = in.readInt() >>> 16;
        int height = in.readInt() >>> 16;
        return width > 0 && height > 0 ? new int[] {width, height} : null;
    }
}
