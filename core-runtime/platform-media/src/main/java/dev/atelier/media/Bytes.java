package dev.atelier.media;

/** Reads fixed-width integers out of container headers. */
final class Bytes {

    private Bytes() {
    }

    static int u8(byte[] data, int offset) {
        return data[offset] & 0xFF;
    }

    static int u16be(byte[] data, int offset) {
        return (u8(data, offset) << 8) | u8(data, offset + 1);
    }

    static int u16le(byte[] data, int offset) {
        return u8(data, offset) | (u8(data, offset + 1) << 8);
    }

    static int u24le(byte[] data, int offset) {
        return u16le(data, offset) | (u8(data, offset + 2) << 16);
    }

    static long u32be(byte[] data, int offset) {
        return ((long) u16be(data, offset) << 16) | u16be(data, offset + 2);
    }

    static long u32le(byte[] data, int offset) {
        return u16le(data, offset) | ((long) u16le(data, offset + 2) << 16);
    }

    static long u64be(byte[] data, int offset) {
        return (u32be(data, offset) << 32) | u32be(data, offset + 4);
    }

    /** Whether {@code data} contains {@code needle} within its first {@code limit} bytes. */
    static boolean contains(byte[] data, int limit, byte[] needle) {
        int end = Math.min(limit, data.length) - needle.length;
        outer:
        for (int i = 0; i <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
