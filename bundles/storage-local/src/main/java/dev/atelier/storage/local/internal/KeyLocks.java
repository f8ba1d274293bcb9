package dev.atelier.storage.local.internal;

import java.nio.file.Path;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Striped read/write locks by file: an object is two files (content and content type), and a reader must never see the
 * content of one write with the type of another. Striping bounds the memory whatever the number of keys.
 */
final class KeyLocks {

    private static final int STRIPES = 64;

    private final ReadWriteLock[] locks = new ReadWriteLock[STRIPES];

    KeyLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantReadWriteLock();
        }
    }

    ReadWriteLock of(Path file) {
        return locks[Math.floorMod(file.hashCode(), STRIPES)];
    }
}
