package dev.atelier.media;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The heap this node lets media decoding use at once: each decode reserves its estimated bytes ({@link DecodeCost})
 * before it allocates anything, and waits a short while if others hold the budget. Ten large uploads at once then
 * take turns instead of each allocating its pixels. Shared by every upload and output of the node; thread-safe.
 */
public final class DecodeBudget {

    private static final long KIB = 1024;
    private static final long MB = 1024 * KIB;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final long bytes;
    private final Duration wait;
    // Counted in KiB so that budgets beyond 2 GB still fit the semaphore's int permits; fair, so a large decode
    // waiting is not overtaken forever by small ones.
    private final Semaphore kibibytes;

    /**
     * @param bytes most bytes that decodes may hold at once, at least 1 MB
     * @param wait  how long a decode waits for its share before it is refused as busy
     */
    public DecodeBudget(long bytes, Duration wait) {
        if (bytes < MB || bytes / KIB > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("decode budget must be between 1 MB and 2 TB: " + bytes);
        }
        this.bytes = bytes;
        this.wait = Objects.requireNonNull(wait, "wait");
        this.kibibytes = new Semaphore((int) (bytes / KIB), true);
    }

    /** 512 MB, with a wait of three seconds. */
    public static DecodeBudget defaults() {
        return new DecodeBudget(512 * MB, Duration.ofSeconds(3));
    }

    /** The most bytes decodes may hold at once. */
    public long bytes() {
        return bytes;
    }

    /** How long a decode waits for its share by default. */
    public Duration defaultWait() {
        return wait;
    }

    /**
     * Reserves {@code cost} bytes until the returned reservation is closed.
     *
     * @param what    the file's kind for the refusal message, e.g. "image"
     * @param maxWait how long to wait for others to finish
     * @throws MediaRejectedException 413 when the file alone needs more than the whole budget
     * @throws MediaBusyException     when the budget did not come free within {@code maxWait}
     */
    public Reservation reserve(long cost, String what, Duration maxWait)
            throws MediaRejectedException, MediaBusyException {
        if (cost > bytes) {
            throw MediaRejectedException.tooMuchMemory(what, cost, bytes);
        }
        int permits = (int) Math.max(1, (cost + KIB - 1) / KIB);
        try {
            if (!kibibytes.tryAcquire(permits, maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new MediaBusyException(RETRY_AFTER);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaBusyException(RETRY_AFTER);
        }
        return new Reservation(permits);
    }

    /** Bytes not reserved right now. */
    public long available() {
        return kibibytes.availablePermits() * KIB;
    }

    /** Bytes held by one decode; closing gives them back (once). */
    public final class Reservation implements AutoCloseable {
        private final int permits;
        private boolean released;

        private Reservation(int permits) {
            this.permits = permits;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                kibibytes.release(permits);
            }
        }
    }
}
