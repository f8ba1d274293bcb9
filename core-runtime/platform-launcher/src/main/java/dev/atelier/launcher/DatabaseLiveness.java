package dev.atelier.launcher;

import dev.atelier.config.Keys;
import dev.atelier.core.db.Database;
import dev.atelier.web.health.ReadinessCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Alive unless the database has been unreachable for longer than {@code atelier.db.liveness-grace}: a node that
 * cannot get its database back by itself (the embedded server is restarted within seconds; an external one may be
 * reached again over a fresh network path) is better restarted by its orchestrator.
 */
final class DatabaseLiveness implements ReadinessCheck {

    private final Database database;
    private final Duration grace;
    private final Clock clock;

    DatabaseLiveness(Database database, Duration grace, Clock clock) {
        this.database = database;
        this.grace = grace;
        this.clock = clock;
    }

    @Override
    public Result check() {
        Optional<Instant> since = database.unavailableSince();
        if (since.isEmpty()) {
            return Result.ready("database", "PostgreSQL answers.");
        }
        Duration down = Duration.between(since.get(), clock.instant());
        if (down.compareTo(grace) <= 0) {
            return Result.ready("database", "PostgreSQL has not answered for " + down.toSeconds() + " s, within "
                    + Keys.DB_LIVENESS_GRACE.name() + " (" + grace.toSeconds() + " s).");
        }
        return Result.notReady("database", "PostgreSQL has not answered for " + down.toSeconds() + " s, longer than "
                + Keys.DB_LIVENESS_GRACE.name() + " (" + grace.toSeconds() + " s).");
    }
}
