package dev.atelier.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Edits MP4 boxes in tests, to add what real phones put in their videos. */
final class Mp4Edit {

    private Mp4Edit() {
    }

    static byte[] box(String type, byte[] body) {
        return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length)
                .put(type.getBytes(StandardCharsets.ISO_8859_1)).put(body).array();
    }

    /** Appends {@code child} inside moov; only valid when moov is the last top-level box, as the encoder writes it. */
    static byte[] appendToMoov(byte[] mp4, byte[] child) {
        int pos = 0;
        while (pos < mp4.length) {
            long size = ByteBuffer.wrap(mp4, pos, 4).getInt() & 0xFFFFFFFFL;
            if (size == 1) {
                size = ByteBuffer.wrap(mp4, pos + 8, 8).getLong();
            }
            String type = new String(mp4, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("moov")) {
                if (pos + size != mp4.length) {
                    throw new IllegalStateException("moov is not the last box");
                }
                byte[] edited = Fixtures.concat(mp4, child);
                ByteBuffer.wrap(edited).putInt(pos, (int) size + child.length);
                return edited;
            }
            pos += size;
        }
        throw new IllegalStateException("no moov box");
    }
}
