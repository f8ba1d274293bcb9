package dev.atelier.media;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads byte ranges of a file that is too large to hold in memory whole. */
final class FileBytes {

    private final FileChannel channel;
    final long size;

    FileBytes(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    /** {@code length} bytes at {@code position}; the caller has checked they lie inside the file. */
    byte[] read(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("file shrank while being read");
            }
        }
        return buffer.array();
    }
}
