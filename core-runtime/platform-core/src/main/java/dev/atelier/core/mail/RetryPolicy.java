package dev.atelier.core.mail;

import java.time.Duration;
import java.util.List;

/**
 * When a message that could not be sent is tried again, and when the outbox gives up on it.
 *
 * @param delays      wait after the 1st, 2nd, ... failed attempt; the last one repeats for later attempts
 * @param maxAttempts attempts after which the message is marked failed
 */
public record RetryPolicy(List<Duration> delays, int maxAttempts) {

    public RetryPolicy {
        delays = List.copyOf(delays);
        if (delays.isEmpty() || delays.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("delays must hold at least one duration, none negative");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /**
     * 10 s, 30 s, 2 min, 5 min, 15 min, 30 min, then hourly, giving up after 12 attempts: a mail server may be away
     * for about six hours before anything is lost.
     */
    public static RetryPolicy standard() {
        return new RetryPolicy(List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1)), 12);
    }

    /** The wait before the next attempt, after {@code failedAttempts} (1 or more) attempts failed. */
    public Duration delayAfter(int failedAttempts) {
        return delays.get(Math.min(Math.max(failedAttempts, 1), delays.size()) - 1);
    }
}
