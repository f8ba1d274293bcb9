package dev.atelier.legal.freemarker.internal;

import java.io.IOException;
import java.io.Writer;

/** Collects output and stops the template once it has written more than a limit, before memory runs out. */
final class BoundedWriter extends Writer {

    private final StringBuilder out = new StringBuilder();
    private final int limit;

    BoundedWriter(int limit) {
        this.limit = limit;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        if (out.length() + (long) length > limit) {
            throw new OutputTooLargeException(limit);
        }
        out.append(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        if (out.length() + (long) length > limit) {
            throw new OutputTooLargeException(limit);
        }
        out.append(text, offset, offset + length);
    }

    @Override
    public void flush() {
        // Everything is in memory already.
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** The output reached the limit. */
    static final class OutputTooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        OutputTooLargeException(int limit) {
            super("The document is longer than " + limit + " characters; a list without end?");
        }
    }
}
