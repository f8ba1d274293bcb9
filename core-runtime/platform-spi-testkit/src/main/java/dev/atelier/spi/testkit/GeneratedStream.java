package dev.atelier.spi.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * Pseudo-random bytes made while they are read, with their SHA-256, so that a large object never sits in a storage
 * test's memory. With {@code failAt} at or above 0 it throws an {@link IOException} once that many bytes were read, as
 * a dropped upload would.
 *
 * <pre>{@code
 * GeneratedStream content = new GeneratedStream(40 * 1024 * 1024, 7, -1);
 * backend.put(key, content, content.size(), "video/mp4", tenant);
 * assertThat(GeneratedStream.sha256(backend.get(key, tenant))).isEqualTo(content.hexDigest());
 * }</pre>
 */
public final class GeneratedStream extends InputStream {

    private final long size;
    private final long failAt;
    private final Random random;
    private final MessageDigest digest = newDigest();
    private long position;

    /**
     * @param size how many bytes the stream gives
     * @param seed seed of the bytes: the same seed gives the same bytes
     * @param failAt where the stream fails, or -1 for never
     */
    public GeneratedStream(long size, long seed, long failAt) {
        this.size = size;
        this.failAt = failAt;
        this.random = new Random(seed);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (failAt >= 0 && position >= failAt) {
            throw new IOException("the upload was interrupted (test)");
        }
        if (position >= size) {
            return -1;
        }
        long limit = failAt >= 0 ? Math.min(size, failAt) : size;
        int n = (int) Math.min(length, Math.max(1, limit - position));
        byte[] chunk = new byte[n];
        random.nextBytes(chunk);
        System.arraycopy(chunk, 0, buffer, offset, n);
        digest.update(chunk);
        position += n;
        return n;
    }

    /** How many bytes the stream gives when read to its end. */
    public long size() {
        return size;
    }

    /** How many bytes were read so far. */
    public long position() {
        return position;
    }

    /**
     * The SHA-256 of the stream's bytes, in hex.
     *
     * @throws IllegalStateException when the stream was not read to its end
     */
    public String hexDigest() {
        if (position != size) {
            throw new IllegalStateException("the stream was read to " + position + " of " + size + " bytes");
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 of everything {@code in} gives, in hex, to compare with {@link #hexDigest()}; closes {@code in}. */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        try (in) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
