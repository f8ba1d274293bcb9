package dev.atelier.launcher;

import dev.atelier.core.db.Database;
import dev.atelier.web.health.ReadinessCheck;
import java.time.Duration;

/** Ready when the database answers and every migration is applied. */
final class DatabaseReadiness implements ReadinessCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Database database;

    DatabaseReadiness(Database database) {
        this.database = database;
    }

    @Override
    public Result check() {
        var status = database.check(TIMEOUT);
        return status.healthy() ? Result.ready("database", status.detail())
                : Result.notReady("database", status.detail());
    }
}
