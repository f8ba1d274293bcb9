package dev.atelier.storage.s3.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The caller's content, failing the upload when it holds fewer or more bytes than declared: S3 would otherwise store
 * a truncated object, or silently drop the rest. Never closes the caller's stream.
 *
 * <p>Supports mark and reset (the caller's, or a buffer's of {@link #RETRY_BUFFER} bytes), so the SDK can retry a
 * failed attempt, which it does for dropped connections and signature errors, as long as it has read no further.
 */
final class ExactLengthInputStream extends InputStream {

    static final int RETRY_BUFFER = 128 * 1024;

    private final InputStream in;
    private final long length;
    private long position;
    private boolean checkedEnd;
    private IOException failure;
    private long marked;

    ExactLengthInputStream(InputStream in, long length) {
        this.in = in.markSupported() ? in : new BufferedInputStream(in, (int) Math.min(RETRY_BUFFER, length + 1));
        this.length = length;
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public synchronized void mark(int readLimit) {
        in.mark(readLimit);
        marked = position;
    }

    @Override
    public synchronized void reset() throws IOException {
        in.reset();
        position = marked;
        checkedEnd = false;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        if (position >= length) {
            checkEnd();
            return -1;
        }
        int n;
        try {
            n = in.read(buffer, offset, (int) Math.min(count, length - position));
        } catch (IOException e) {
            throw fail(e);
        }
        if (n < 0) {
            throw fail(new IOException("the content ended after " + position + " of the " + length
                    + " bytes declared"));
        }
        position += n;
        if (position == length) {
            // Readers that stop at the declared length (the SDK does) would never see the surplus.
            checkEnd();
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), length - position);
    }

    @Override
    public void close() {
        // The caller owns the stream.
    }

    /** How many bytes were read. */
    long position() {
        return position;
    }

    /** The first failure of the content (a read that threw, or the wrong length), or {@code null}. */
    IOException failure() {
        return failure;
    }

    private IOException fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    private void checkEnd() throws IOException {
        if (!checkedEnd) {
            checkedEnd = true;
            int next;
            try {
                next = in.read();
            } catch (IOException e) {
                throw fail(e);
            }
            if (next >= 0) {
                throw fail(new IOException("the content has more than the " + length + " bytes declared"));
            }
        }
    }
}
