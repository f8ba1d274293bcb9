package dev.atelier.model.replicate.internal;

import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import java.time.Duration;
import java.time.Instant;

/**
 * Watches one call's cancellation and deadline while the model waits on the network. A user's cancellation ends the
 * call as {@code CANCELLED}; the deadline passing while the provider still works ends it as {@code TEMPORARY} (the
 * provider was too slow this time, which the host may retry).
 */
final class CallGuard {

    private final GenerationContext context;
    private final Pacing pacing;

    CallGuard(GenerationContext context, Pacing pacing) {
        this.context = context;
        this.pacing = pacing;
    }

    GenerationContext context() {
        return context;
    }

    Pacing pacing() {
        return pacing;
    }

    boolean stopRequested() {
        return context.isCancelled();
    }

    /** Throws the exception that ends the call when it should stop. */
    void checkpoint() throws GenerationException {
        if (context.isCancelled()) {
            throw stopped();
        }
    }

    GenerationException stopped() {
        if (!Instant.now().isBefore(context.deadline())) {
            return new GenerationException(GenerationException.Kind.TEMPORARY,
                    "The model took too long to answer. Please try again.");
        }
        return new GenerationException(GenerationException.Kind.CANCELLED, "The generation was cancelled.");
    }

    /** Time left before the deadline; zero once it passed. */
    Duration remaining() {
        Duration left = Duration.between(Instant.now(), context.deadline());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether waiting {@code wait} still ends before the deadline. */
    boolean fitsBeforeDeadline(Duration wait) {
        return Instant.now().plus(wait).isBefore(context.deadline());
    }

    /** Waits, noticing cancellation and the deadline within a tick. */
    void sleep(Duration wait) throws GenerationException {
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            checkpoint();
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(pacing.tick().toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GenerationException(GenerationException.Kind.CANCELLED, "The generation was cancelled.");
            }
        }
    }
}
