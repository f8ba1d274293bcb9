package dev.atelier.plugins;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The id of the request or job the current thread works for, so plugin calls and their logs can be matched to it.
 * The web request path and the job runner {@link #begin(String) begin} one; plugin calls read it, also on the host
 * worker thread they run on.
 *
 * <pre>{@code
 * try (Correlation.Scope scope = Correlation.begin(job.id())) {
 *     models.generate(...);
 * }
 * }</pre>
 */
public final class Correlation {

    // Per thread like SLF4J's MDC: the id belongs to the work the thread does, not to any object the caller holds.
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Correlation() {}

    /** Makes {@code id} the current thread's correlation id until the scope closes, which restores the previous one. */
    public static Scope begin(String id) {
        String previous = CURRENT.get();
        CURRENT.set(id);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** The current thread's correlation id, or a new one ({@code cor_...}) for work no request or job began. */
    public static String current() {
        String id = CURRENT.get();
        return id != null ? id : "cor_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    /** Ends a correlation; closing twice is harmless only if nothing began in between. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
