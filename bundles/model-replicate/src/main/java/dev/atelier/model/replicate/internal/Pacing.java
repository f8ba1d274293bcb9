package dev.atelier.model.replicate.internal;

import java.time.Duration;

/**
 * How often the model looks at a prediction: the first poll after {@code firstPoll}, each next one {@code factor}
 * times later up to {@code maxPoll}; cancellation is noticed within {@code tick} while waiting.
 */
record Pacing(Duration firstPoll, Duration maxPoll, double factor, Duration tick) {

    /** 0.5 s, growing by half up to 2 s; cancellation noticed within 100 ms. */
    static final Pacing DEFAULT = new Pacing(Duration.ofMillis(500), Duration.ofSeconds(2), 1.5, Duration.ofMillis(100));

    Duration next(Duration previous) {
        long next = Math.round(previous.toMillis() * factor);
        return Duration.ofMillis(Math.min(next, maxPoll.toMillis()));
    }
}
