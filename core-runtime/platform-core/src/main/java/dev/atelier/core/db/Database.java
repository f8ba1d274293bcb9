package dev.atelier.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.atelier.config.Keys;
import dev.atelier.core.db.internal.Availability;
import dev.atelier.core.db.internal.ClientWarmUp;
import dev.atelier.core.db.internal.DatabaseWatch;
import dev.atelier.core.db.internal.EmbeddedServer;
import dev.atelier.core.db.internal.GuardedDataSource;
import dev.atelier.core.db.internal.PendingDataSource;
import dev.atelier.core.db.internal.PersistenceUnitDeployment;
import dev.atelier.core.db.internal.RunningServer;
import dev.atelier.core.db.internal.SchemaMigrations;
import dev.atelier.core.db.internal.StartFailures;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's PostgreSQL database, ready to use: the server (embedded or external), a connection pool, the schema
 * migrated to this build's version, and the JPA persistence unit {@code atelier}.
 *
 * <p>It keeps itself usable: a watch looks at the server every {@value #WATCH_MILLIS} ms and restarts an embedded
 * server whose process died (same data folder, same port). While the database does not answer, asking for a
 * connection fails at once ({@link DatabaseOutage#isCause} tells such failures apart), and a connection that cannot be
 * had within {@value #CONNECTION_TIMEOUT_MILLIS} ms is a failure too, so requests never hang on a database that is
 * gone.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final long WATCH_MILLIS = 1000;
    static final long CONNECTION_TIMEOUT_MILLIS = 2000;
    private static final int CONNECT_TIMEOUT_SECONDS = 2;
    private static final int FIRST_LOGIN_TIMEOUT_SECONDS = 30;

    private volatile EmbeddedServer embedded;
    private final PGSimpleDataSource direct;
    private final HikariDataSource pool;
    private final Availability availability;
    private final DataSource guarded;
    private final DatabaseWatch watch;
    private final SchemaMigrations migrations;
    private final EntityManagerFactory entityManagerFactory;
    private final String description;
    private final ExecutorService checks = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "atelier-db-check");
        thread.setDaemon(true);
        return thread;
    });
    private boolean closed;

    private Database(EmbeddedServer embedded, PGSimpleDataSource direct, HikariDataSource pool,
            Availability availability, DataSource guarded, SchemaMigrations migrations,
            EntityManagerFactory entityManagerFactory, String description) {
        this.embedded = embedded;
        this.direct = direct;
        this.pool = pool;
        this.availability = availability;
        this.guarded = guarded;
        this.migrations = migrations;
        this.entityManagerFactory = entityManagerFactory;
        this.description = description;
        Optional<DatabaseWatch.Supervised> server = embedded == null ? Optional.empty()
                : Optional.of(new DatabaseWatch.Supervised() {
                    @Override
                    public boolean stopped() {
                        return Database.this.embedded.stopped();
                    }

                    @Override
                    public void restart() {
                        restartEmbedded();
                    }
                });
        this.watch = new DatabaseWatch(availability, direct, server, Duration.ofMillis(WATCH_MILLIS), description);
    }

    /**
     * Starts the database the settings describe: an embedded server on {@code embeddedDataDir} when there is no URL,
     * else a connection to the URL. Applies pending migrations before returning.
     *
     * @throws DatabaseStartException if any step fails; its message says what to fix. Whatever had started is stopped.
     */
    public static Database start(DatabaseSettings settings) {
        return start(settings, Optional.empty());
    }

    /**
     * Like {@link #start}, for a command that runs beside the platform ({@code atelier credits grant}, {@code tenants
     * apply}): when a running platform process serves the embedded data folder, its server is used rather than the
     * command failing because the folder is in use.
     */
    public static Database open(DatabaseSettings settings) {
        return start(settings, settings.embedded() ? RunningServer.in(settings.embeddedDataDir()) : Optional.empty());
    }

    /**
     * Loads the classes a later start of the same data folder uses and a first start does not: the embedded server's
     * direct restart. For a JVM that writes a class-data-sharing archive when it stops (the first start of an
     * installation), so that the archive holds them; a class loaded from the jars instead has the JVM open them one
     * by one along the class path, in the middle of the start.
     */
    public static void loadClassesOfLaterStarts() {
        EmbeddedServer.loadClassesOfLaterStarts();
    }

    private static Database start(DatabaseSettings settings, Optional<RunningServer> running) {
        long started = System.nanoTime();
        ClientWarmUp.begin();
        EmbeddedServer embedded = null;
        HikariDataSource pool = null;
        // The persistence unit reads its mappings while the server starts; its log-in waits for the pool.
        PendingDataSource pending = new PendingDataSource();
        PersistenceUnitDeployment unit = PersistenceUnitDeployment.begin(pending);
        try {
            String url;
            String user;
            String password;
            String description;
            if (running.isPresent()) {
                url = running.get().jdbcUrl();
                user = running.get().user();
                password = running.get().password();
                description = "embedded PostgreSQL in " + settings.embeddedDataDir().toAbsolutePath().normalize()
                        + " on port " + running.get().port() + ", run by the platform process using it";
            } else if (settings.embedded()) {
                embedded = EmbeddedServer.start(settings.embeddedDataDir(), settings.embeddedPort(),
                        settings.embeddedBinariesDir());
                url = embedded.jdbcUrl();
                user = embedded.user();
                password = embedded.password();
                description = "embedded PostgreSQL " + embedded.majorVersion() + " in " + embedded.dataDir()
                        + " on port " + embedded.port();
            } else {
                url = settings.url();
                user = settings.user();
                password = settings.password() == null ? "" : settings.password();
                description = StartFailures.withoutPassword(url);
                if (!url.startsWith("jdbc:postgresql:")) {
                    throw new DatabaseStartException(Keys.DB_URL.name() + " must be a PostgreSQL JDBC URL such as "
                            + "jdbc:postgresql://db:5432/atelier, was " + description + ".");
                }
            }
            long serverReady = System.nanoTime();
            PGSimpleDataSource direct = directConnections(url, user, password);
            if (embedded == null) {
                // An embedded server was just connected to, with the driver now loaded: it needs no patient first.
                firstConnection(url, user, password, description);
            }
            pool = openPool(direct, settings.poolSize(), description);
            Availability availability = new Availability(Clock.systemUTC());
            DataSource guarded = new GuardedDataSource(pool, availability);
            pending.bind(guarded);
            long connected = System.nanoTime();
            SchemaMigrations migrations = migrate(guarded, description);
            long migrated = System.nanoTime();
            EntityManagerFactory emf = unit.await();
            // Where a slow start went: the server, the first connections, migrations, then what the persistence unit
            // (deployed beside them all) took beyond them.
            LOG.info("Database ready: {}, schema version {} (server {} ms, connections {} ms, migrations {} ms,"
                    + " persistence unit {} ms more)", description, migrations.latestVersion(),
                    millis(started, serverReady), millis(serverReady, connected), millis(connected, migrated),
                    millis(migrated, System.nanoTime()));
            Database database = new Database(embedded, direct, pool, availability, guarded, migrations, emf,
                    description);
            database.watch.start();
            return database;
        } catch (RuntimeException e) {
            pending.fail(e);
            unit.discard();
            closeAll(null, pool, embedded);
            throw e instanceof DatabaseStartException ? e
                    : new DatabaseStartException("Cannot start the database: " + e.getMessage(), e);
        }
    }

    /**
     * Pooled connections to the platform database. While the database does not answer, {@code getConnection} fails at
     * once with an exception {@link DatabaseOutage#isCause} recognises.
     */
    public DataSource dataSource() {
        return guarded;
    }

    /** When the database stopped answering, as this node saw it; empty while it answers. */
    public Optional<Instant> unavailableSince() {
        return availability.downSince();
    }

    /**
     * A new connection outside the pool, for a caller that holds one for long (listening for notifications); the
     * caller closes it. Same server and credentials as the pool: made by the data source the pool draws from (the
     * pool itself knows no URL or user), so it follows an embedded server started again on another port.
     */
    public Connection openUnpooled() throws SQLException {
        return direct.getConnection();
    }

    /** The JPA persistence unit {@code atelier}; Flyway, not JPA, owns the schema. */
    public EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    /**
     * Where the data lives, for operators: {@code "embedded PostgreSQL 17 in /srv/atelier/data/postgres on port 41234"}
     * or the JDBC URL without any password.
     */
    public String description() {
        return description;
    }

    /**
     * Whether the database answers {@code SELECT 1} and has every migration of this build applied, within
     * {@code timeout}. Never throws; an unhealthy status says why.
     */
    public HealthStatus check(Duration timeout) {
        if (!availability.isUp()) {
            return HealthStatus.unhealthy("PostgreSQL (" + description + ") does not answer: "
                    + availability.reason());
        }
        Future<HealthStatus> probe;
        try {
            probe = checks.submit(() -> probe(timeout));
        } catch (RuntimeException e) {
            return HealthStatus.unhealthy("The database connection is closed.");
        }
        try {
            return probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            probe.cancel(true);
            return HealthStatus.unhealthy("PostgreSQL (" + description + ") did not answer within "
                    + timeout.toMillis() + " ms.");
        } catch (ExecutionException e) {
            return HealthStatus.unhealthy("Checking PostgreSQL failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthStatus.unhealthy("Interrupted while checking PostgreSQL.");
        }
    }

    private HealthStatus probe(Duration timeout) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
            try (ResultSet one = statement.executeQuery("SELECT 1")) {
                one.next();
            }
            List<String> missing = migrations.missing(connection);
            if (!missing.isEmpty()) {
                return HealthStatus.unhealthy("PostgreSQL answers but migrations " + String.join(", ", missing)
                        + " are not applied; restart to apply them.");
            }
            return HealthStatus.healthy("PostgreSQL answers; schema at version " + migrations.latestVersion() + ".");
        } catch (SQLException e) {
            return HealthStatus.unhealthy("PostgreSQL (" + description + ") does not answer: " + e.getMessage());
        }
    }

    /** Closes the persistence unit and the pool, then stops the embedded server if there is one. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        // Outside the lock: the watch may be waiting for it to restart the server, and stops once it sees closed.
        watch.close();
        synchronized (this) {
            checks.shutdownNow();
            closeAll(entityManagerFactory, pool, embedded);
        }
        LOG.info("Database closed: {}", description);
    }

    /** Starts the embedded server again on its data folder: on its port if free, else on another one. */
    private synchronized void restartEmbedded() {
        if (closed) {
            return;
        }
        EmbeddedServer old = embedded;
        old.close();
        EmbeddedServer fresh;
        try {
            fresh = EmbeddedServer.start(old.dataDir(), old.port(), old.binariesDir());
        } catch (DatabaseStartException e) {
            if (!e.getMessage().contains("is in use")) {
                throw e;
            }
            fresh = EmbeddedServer.start(old.dataDir(), 0, old.binariesDir());
        }
        direct.setURL(fresh.jdbcUrl());
        embedded = fresh;
        // Pooled connections point at the dead server; new ones are made against the new one.
        pool.getHikariPoolMXBean().softEvictConnections();
        LOG.info("Embedded PostgreSQL started again on port {}", fresh.port());
    }

    private static PGSimpleDataSource directConnections(String url, String user, String password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        source.setUser(user);
        source.setPassword(password);
        // A server that is gone must not hold a request for longer than the pool would.
        source.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        source.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
        source.setTcpKeepAlive(true);
        return source;
    }

    /**
     * Connects once with a patient login timeout before the pool's first, impatient one. The first login of a process
     * loads the driver's classes and runs its password hashing cold; on a busy machine that alone can outlast the two
     * seconds a request may wait, and a start (or a command beside a running platform) would fail on a healthy server.
     * An unreachable server still fails at once: the connect timeout stays short.
     */
    private static void firstConnection(String url, String user, String password, String description) {
        PGSimpleDataSource patient = directConnections(url, user, password);
        patient.setLoginTimeout(FIRST_LOGIN_TIMEOUT_SECONDS);
        try (Connection connection = patient.getConnection()) {
            connection.isValid(FIRST_LOGIN_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            throw StartFailures.cannotConnect(description, e);
        }
    }

    private static long millis(long fromNanos, long toNanos) {
        return Duration.ofNanos(toNanos - fromNanos).toMillis();
    }

    private static HikariDataSource openPool(DataSource direct, int size, String description) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("atelier-db");
        config.setDataSource(direct);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(Duration.ofSeconds(1).toMillis());
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw StartFailures.cannotConnect(description, e);
        }
    }

    private static SchemaMigrations migrate(DataSource pool, String description) {
        try {
            return SchemaMigrations.apply(pool);
        } catch (FlywayException e) {
            throw new DatabaseStartException("Migrating the database schema of " + description + " failed: "
                    + e.getMessage().strip() + " -- Fix the database or the migration, then start again.", e);
        }
    }

    private static void closeAll(EntityManagerFactory emf, HikariDataSource pool, EmbeddedServer embedded) {
        try {
            if (emf != null && emf.isOpen()) {
                emf.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("Closing the persistence unit failed: {}", e.toString());
        }
        if (pool != null) {
            pool.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
