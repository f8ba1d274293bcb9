package dev.atelier.model.replicate.internal;

import java.time.Duration;

/**
 * How often the model looks at a prediction: the first poll after {@code firstPoll}, each next one {@code factor}
 * times later up to {@code maxPoll}; cancellation is noticed within {@code tick} while waiting. While webhooks are
 * expected the prediction is read only every {@code safetyPoll}, in case messages are lost.
 */
record Pacing(Duration firstPoll, Duration maxPoll, double factor, Duration tick, Duration safetyPoll) {

    /** 0.5 s, growing by half up to 2 s; cancellation noticed within 100 ms; with webhooks, a poll every 30 s. */
    static final Pacing DEFAULT = new Pacing(Duration.ofMillis(500), Duration.ofSeconds(2), 1.5, Duration.ofMillis(100),
            Duration.ofSeconds(30));

    Duration next(Duration previous) {
        long next = Math.round(previous.toMillis() * factor);
        return Duration.ofMillis(Math.min(next, maxPoll.toMillis()));
    }

    Pacing withSafetyPoll(Duration interval) {
        return new Pacing(firstPoll, maxPoll, factor, tick, interval);
    }
}
