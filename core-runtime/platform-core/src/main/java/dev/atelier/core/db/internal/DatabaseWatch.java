package dev.atelier.core.db.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the database every {@code interval}, on one connection of its own outside the pool: records in
 * {@link Availability} whether it answers, and restarts the embedded server when its postmaster has died. Requests
 * never wait for it; they read the last verdict.
 */
public final class DatabaseWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseWatch.class);
    private static final int VALID_SECONDS = 1;

    /** A server this node started and must bring back when it stops: the embedded PostgreSQL. */
    public interface Supervised {

        /** Whether the server's process is gone. */
        boolean stopped();

        /** Starts the server again on the same data; throws if it cannot (the watch tries again next time). */
        void restart();
    }

    private final Availability availability;
    private final DataSource direct;
    private final Optional<Supervised> server;
    private final Duration interval;
    private final String description;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "atelier-db-watch");
        thread.setDaemon(true);
        return thread;
    });
    private Connection probe;

    /**
     * @param direct unpooled connections to the database
     * @param server the embedded server to restart when it stops; empty for an external one
     */
    public DatabaseWatch(Availability availability, DataSource direct, Optional<Supervised> server, Duration interval,
            String description) {
        this.availability = availability;
        this.direct = direct;
        this.server = server;
        this.interval = interval;
        this.description = description;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::lookQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void lookQuietly() {
        try {
            look();
        } catch (RuntimeException e) {
            LOG.warn("Watching the database failed, will look again: {}", e.toString());
        }
    }

    private void look() {
        if (server.isPresent() && server.get().stopped()) {
            availability.down("the embedded PostgreSQL stopped");
            LOG.error("The embedded PostgreSQL ({}) stopped; starting it again", description);
            closeProbe();
            try {
                server.get().restart();
            } catch (RuntimeException e) {
                LOG.warn("Starting the embedded PostgreSQL again failed, will try again: {}", e.getMessage());
                return;
            }
        }
        probe();
    }

    private void probe() {
        try {
            if (probe == null || !probe.isValid(VALID_SECONDS)) {
                closeProbe();
                probe = direct.getConnection();
            }
            Optional<Instant> since = availability.downSince();
            availability.up();
            since.ifPresent(start -> LOG.info("The database ({}) answers again after {} s", description,
                    Duration.between(start, Instant.now()).toSeconds()));
        } catch (SQLException e) {
            closeProbe();
            if (availability.isUp()) {
                LOG.error("The database ({}) does not answer: {}", description, e.getMessage());
            }
            availability.down(e.getMessage());
        }
    }

    private void closeProbe() {
        if (probe != null) {
            try {
                probe.close();
            } catch (SQLException e) {
                LOG.debug("Closing the watch connection failed: {}", e.toString());
            }
            probe = null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeProbe();
    }
}
