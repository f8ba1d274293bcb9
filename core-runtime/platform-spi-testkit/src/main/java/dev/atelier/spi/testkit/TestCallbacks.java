package dev.atelier.spi.testkit;

import dev.atelier.spi.model.CallbackMessage;
import dev.atelier.spi.model.Callbacks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * {@link Callbacks} for tests, behaving as the host's do: a test {@link #deliver delivers} messages, the model takes
 * them with {@link #next}, a repeated {@code webhook-id} is dropped, and waiting ends early once the call is
 * cancelled. Get one from {@link TestGenerationContext#withCallbacks(URI)}. Thread-safe.
 */
public final class TestCallbacks implements Callbacks {

    private final URI url;
    private final BooleanSupplier cancelled;
    private final ArrayDeque<CallbackMessage> waiting = new ArrayDeque<>();
    private final Set<String> deliveryIds = new HashSet<>();
    private int delivered;
    private int taken;

    TestCallbacks(URI url, BooleanSupplier cancelled) {
        this.url = Objects.requireNonNull(url, "url");
        this.cancelled = cancelled;
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public Optional<CallbackMessage> next(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        synchronized (this) {
            try {
                while (waiting.isEmpty() && !cancelled.getAsBoolean()) {
                    long left = until - System.nanoTime();
                    if (left <= 0) {
                        return Optional.empty();
                    }
                    // Short slices so a cancellation (which does not notify) is noticed soon.
                    wait(Math.max(1, Math.min(50, left / 1_000_000)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            if (waiting.isEmpty()) {
                return Optional.empty();
            }
            taken++;
            return Optional.of(waiting.poll());
        }
    }

    /**
     * Delivers a message as the host would on a {@code POST} to {@link #url()}.
     *
     * @return {@code false} when its {@code webhook-id} was delivered before (the message is dropped)
     */
    public synchronized boolean deliver(CallbackMessage message) {
        Optional<String> id = message.header("webhook-id");
        if (id.isPresent() && !deliveryIds.add(id.get())) {
            return false;
        }
        waiting.add(message);
        delivered++;
        notifyAll();
        return true;
    }

    /** Delivers a UTF-8 body with the given headers, received now. */
    public boolean deliver(Map<String, String> headers, String body) {
        return deliver(new CallbackMessage(headers, body.getBytes(StandardCharsets.UTF_8), Instant.now()));
    }

    /** Messages accepted by {@link #deliver} so far (repeats not counted). */
    public synchronized int delivered() {
        return delivered;
    }

    /** Messages the model has taken with {@link #next} so far. */
    public synchronized int taken() {
        return taken;
    }
}
