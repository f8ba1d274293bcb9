package dev.atelier.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.atelier.config.Keys;
import dev.atelier.core.db.internal.EmbeddedServer;
import dev.atelier.core.db.internal.PersistenceUnit;
import dev.atelier.core.db.internal.SchemaMigrations;
import dev.atelier.core.db.internal.StartFailures;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's PostgreSQL database, ready to use: the server (embedded or external), a connection pool, the schema
 * migrated to this build's version, and the JPA persistence unit {@code atelier}.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final EmbeddedServer embedded;
    private final HikariDataSource pool;
    private final SchemaMigrations migrations;
    private final EntityManagerFactory entityManagerFactory;
    private final String description;
    private final ExecutorService checks = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "atelier-db-check");
        thread.setDaemon(true);
        return thread;
    });
    private boolean closed;

    private Database(EmbeddedServer embedded, HikariDataSource pool, SchemaMigrations migrations,
            EntityManagerFactory entityManagerFactory, String description) {
        this.embedded = embedded;
        this.pool = pool;
        this.migrations = migrations;
        this.entityManagerFactory = entityManagerFactory;
        this.description = description;
    }

    /**
     * Starts the database the settings describe: an embedded server on {@code embeddedDataDir} when there is no URL,
     * else a connection to the URL. Applies pending migrations before returning.
     *
     * @throws DatabaseStartException if any step fails; its message says what to fix. Whatever had started is stopped.
     */
    public static Database start(DatabaseSettings settings) {
        EmbeddedServer embedded = null;
        HikariDataSource pool = null;
        EntityManagerFactory emf = null;
        try {
            String url;
            String user;
            String password;
            String description;
            if (settings.embedded()) {
                embedded = EmbeddedServer.start(settings.embeddedDataDir(), settings.embeddedPort());
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
            pool = openPool(url, user, password, settings.poolSize(), description);
            SchemaMigrations migrations = migrate(pool, description);
            emf = openPersistenceUnit(pool);
            LOG.info("Database ready: {}, schema version {}", description, migrations.latestVersion());
            return new Database(embedded, pool, migrations, emf, description);
        } catch (RuntimeException e) {
            closeAll(emf, pool, embedded);
            throw e instanceof DatabaseStartException ? e
                    : new DatabaseStartException("Cannot start the database: " + e.getMessage(), e);
        }
    }

    /** Pooled connections to the platform database. */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * A new connection outside the pool, for a caller that holds one for long (listening for notifications); the
     * caller closes it. Same server and credentials as the pool.
     */
    public Connection openUnpooled() throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", pool.getUsername());
        properties.setProperty("password", pool.getPassword() == null ? "" : pool.getPassword());
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        return java.sql.DriverManager.getConnection(pool.getJdbcUrl(), properties);
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
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        checks.shutdownNow();
        closeAll(entityManagerFactory, pool, embedded);
        LOG.info("Database closed: {}", description);
    }

    private static HikariDataSource openPool(String url, String user, String password, int size, String description) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("atelier-db");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        config.addDataSourceProperty("connectTimeout", "10");
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

    private static EntityManagerFactory openPersistenceUnit(DataSource pool) {
        EntityManagerFactory emf = PersistenceUnit.open(pool);
        try {
            // EclipseLink deploys lazily; do it now so a mapping error stops start-up rather than the first request.
            emf.createEntityManager().close();
            return emf;
        } catch (RuntimeException e) {
            emf.close();
            throw new DatabaseStartException("Cannot open the JPA persistence unit " + PersistenceUnit.NAME + ": "
                    + e.getMessage(), e);
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
