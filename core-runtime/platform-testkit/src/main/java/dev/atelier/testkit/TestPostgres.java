package dev.atelier.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fresh, uniquely named PostgreSQL databases for tests, each dropped again by {@link TestDatabase#close()}.
 *
 * <p>The server that hosts them is chosen once per JVM, in this order:
 * <ol>
 *   <li>{@code ATELIER_TEST_DB_URL} (with {@code ATELIER_TEST_DB_USER}, default {@code postgres}, and
 *       {@code ATELIER_TEST_DB_PASSWORD}, default empty) when set. The URL names an existing database to connect to
 *       for {@code CREATE DATABASE} (for example {@code jdbc:postgresql://db:5432/postgres}); the user needs the
 *       {@code CREATEDB} privilege. If this server does not answer, tests fail: a URL that was asked for is never
 *       silently replaced.</li>
 *   <li>The local server at {@code 127.0.0.1:5432}, user {@code postgres}, no password, if it accepts a
 *       connection within two seconds.</li>
 *   <li>Otherwise one embedded PostgreSQL (zonky), started on first use in a temporary directory and stopped, with
 *       its directory deleted, by a JVM shutdown hook.</li>
 * </ol>
 *
 * <p>Use {@link #create()} directly, or register {@link TestPostgresExtension} and declare a {@link TestDatabase}
 * parameter.
 */
public final class TestPostgres {

    /** Environment variable with the JDBC URL of the server to create test databases on. */
    public static final String URL_VARIABLE = "ATELIER_TEST_DB_URL";
    /** Environment variable with the user for {@link #URL_VARIABLE}. */
    public static final String USER_VARIABLE = "ATELIER_TEST_DB_USER";
    /** Environment variable with the password for {@link #URL_VARIABLE}. */
    public static final String PASSWORD_VARIABLE = "ATELIER_TEST_DB_PASSWORD";

    private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);
    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestPostgres() {}

    /** Creates a new empty database on the test server; close it to drop it. */
    public static TestDatabase create() {
        return create("");
    }

    /**
     * Creates a new database on the test server as a copy of {@code template} (a database of this server, for example
     * one made by {@link #create()} and migrated once per JVM, so that each test does not run every migration again);
     * close it to drop it. The template must have no open connection while it is copied.
     */
    public static TestDatabase copyOf(TestDatabase template) {
        return create(" TEMPLATE " + template.name());
    }

    /**
     * Closes {@code database} to new connections, so that it can serve as a {@link #copyOf} template: no connection
     * may be open to a template while it is copied, not even autovacuum's, which skips a database that allows none.
     * Close every connection of your own first.
     */
    public static void closeToConnections(TestDatabase database) {
        Server server = Shared.SERVER;
        try (Connection admin = server.connect(); Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + database.name() + " WITH ALLOW_CONNECTIONS false");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close test database " + database.name() + " to connections: "
                    + e.getMessage(), e);
        }
    }

    private static TestDatabase create(String options) {
        Server server = Shared.SERVER;
        byte[] suffix = new byte[8];
        RANDOM.nextBytes(suffix);
        String name = "atelier_test_" + HexFormat.of().formatHex(suffix);
        try (Connection admin = server.connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + options);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + server.description()
                    + ": " + e.getMessage(), e);
        }
        return new TestDatabase(JdbcUrls.withDatabase(server.url(), name), server.user(), server.password());
    }

    /** Describes the server test databases are created on, for example {@code local PostgreSQL at ...}. */
    public static String serverDescription() {
        return Shared.SERVER.description();
    }

    static void drop(TestDatabase database) {
        Server server = Shared.SERVER;
        String name = database.name();
        try (Connection admin = server.connect(); Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
                    + "' AND pid <> pg_backend_pid()");
            boolean force = admin.getMetaData().getDatabaseMajorVersion() >= 13;
            statement.execute("DROP DATABASE IF EXISTS " + name + (force ? " WITH (FORCE)" : ""));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Where test databases are created: the admin URL to connect to for CREATE and DROP DATABASE. */
    record Server(String url, String user, String password, String description) {

        Connection connect() throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password);
            properties.setProperty("connectTimeout", "5");
            return DriverManager.getConnection(url, properties);
        }
    }

    /** Holder, so the server is located (and possibly started) once, on first use, and shared by the whole JVM. */
    private static final class Shared {
        static final Server SERVER = locate();
    }

    private static Server locate() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            Server server = new Server(url.strip(), envOr(USER_VARIABLE, "postgres"), envOr(PASSWORD_VARIABLE, ""),
                    "PostgreSQL at " + url.strip() + " (from " + URL_VARIABLE + ")");
            try (Connection ignored = server.connect()) {
                return server;
            } catch (SQLException e) {
                throw new IllegalStateException(URL_VARIABLE + " is set to " + url + " but it cannot be used: "
                        + e.getMessage() + ". Fix the variable or unset it to use a local or embedded PostgreSQL.", e);
            }
        }
        Server local = new Server(LOCAL_URL, "postgres", "", "local PostgreSQL at 127.0.0.1:5432");
        try (Connection ignored = local.connect()) {
            LOG.info("Test databases are created on the {}", local.description());
            return local;
        } catch (SQLException e) {
            LOG.info("No usable PostgreSQL at 127.0.0.1:5432 ({}); starting an embedded one for tests", e.getMessage());
        }
        return startEmbedded();
    }

    static Server startEmbedded() {
        EmbeddedPostgres embedded;
        try {
            embedded = EmbeddedPostgres.builder().start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No PostgreSQL for tests: " + URL_VARIABLE + " is not set, nothing "
                    + "usable answers at 127.0.0.1:5432, and the embedded PostgreSQL failed to start: " + e, e);
        }
        // Zonky registers its own hook too; ours makes the guarantee visible here and closing twice is harmless.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warn("Stopping the embedded test PostgreSQL failed: {}", e.toString());
            }
        }, "atelier-test-postgres-stop"));
        String url = "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres";
        LOG.info("Test databases are created on an embedded PostgreSQL on port {}", embedded.getPort());
        return new Server(url, "postgres", "", "embedded PostgreSQL on port " + embedded.getPort());
    }

    private static String envOr(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null ? fallback : value;
    }
}
