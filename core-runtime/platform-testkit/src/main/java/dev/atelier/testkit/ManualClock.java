package dev.atelier.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves by hand, so expiry, backoff and refill rules are checked without waiting. Always UTC; safe to
 * read from other threads (a background worker under test).
 */
public final class ManualClock extends Clock {

    private volatile Instant now;

    /** Starts at {@code 2026-01-01T00:00:00Z}. */
    public ManualClock() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public ManualClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock forward. */
    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // Code under test reads instants only; the same moving clock serves any zone.
        return this;
    }
}
