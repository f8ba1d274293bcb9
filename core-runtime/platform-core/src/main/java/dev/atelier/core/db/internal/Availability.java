package dev.atelier.core.db.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the database is reachable as far as this node last saw, and since when it is not. Written by the
 * {@link DatabaseWatch} and by failed connection attempts; read by every request through {@link GuardedDataSource}.
 */
public final class Availability {

    private record Down(Instant since, String reason) {}

    private final Clock clock;
    private volatile Down down;

    public Availability(Clock clock) {
        this.clock = clock;
    }

    /** The database answered. */
    public void up() {
        down = null;
    }

    /** The database did not answer; the first failure of an outage sets its start, later ones keep it. */
    public synchronized void down(String reason) {
        if (down == null) {
            down = new Down(clock.instant(), reason);
        }
    }

    public boolean isUp() {
        return down == null;
    }

    /** When the current outage began; empty while the database is reachable. */
    public Optional<Instant> downSince() {
        Down current = down;
        return current == null ? Optional.empty() : Optional.of(current.since());
    }

    /** Why the database is taken as unreachable, or an empty string while it is reachable. */
    public String reason() {
        Down current = down;
        return current == null ? "" : current.reason();
    }
}
