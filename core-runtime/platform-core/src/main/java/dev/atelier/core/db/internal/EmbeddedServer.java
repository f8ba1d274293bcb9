package dev.atelier.core.db.internal;

import dev.atelier.core.db.DatabaseStartException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL (zonky binaries) whose data lives in a directory of our choosing and survives restarts. The
 * first start runs initdb; later starts reuse the cluster as it was left.
 *
 * <p>Other users of the machine get nothing from it: it listens on 127.0.0.1 only (no Unix socket), every connection
 * needs the superuser's password ({@code scram-sha-256}), which is generated at initdb and kept in the owner-only file
 * {@code <cluster>.password} beside the cluster, and the binaries are unpacked into the owner-only folder
 * {@code <cluster>-binaries} beside it rather than the shared temporary directory. A cluster made before passwords
 * were required ({@code trust} in {@code pg_hba.conf}) gets a password at its next start and keeps its data.
 */
public final class EmbeddedServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final String DATABASE = "atelier";
    static final String SUPERUSER = "postgres";
    private static final String LOOPBACK = "127.0.0.1";
    // Crash recovery after a kill can take a while; give it more than zonky's 10 s default.
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    // Settings of every start, whichever way: zonky's defaults tune for throwaway test databases (fsync and
    // synchronous commit off); this data must last.
    private static final Map<String, String> SERVER_CONFIG = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "max_connections", "300",
            "timezone", "UTC",
            "listen_addresses", LOOPBACK,
            // The default socket in /tmp would be one more way in, and nothing here uses it.
            "unix_socket_directories", "");

    private final Server server;
    private final Path dataDir;
    private final Path binariesDir;
    private final ServerPassword password;
    private final boolean firstStart;
    private final int majorVersion;

    private EmbeddedServer(Server server, Path dataDir, Path binariesDir, ServerPassword password,
            boolean firstStart, int majorVersion) {
        this.server = server;
        this.dataDir = dataDir;
        this.binariesDir = binariesDir;
        this.password = password;
        this.firstStart = firstStart;
        this.majorVersion = majorVersion;
    }

    /** See {@link dev.atelier.core.db.Database#loadClassesOfLaterStarts}. */
    public static void loadClassesOfLaterStarts() {
        Postmaster.loadClasses();
    }

    /** Starts the server on {@code dataDir}, creating the cluster there if it holds none yet. */
    public static EmbeddedServer start(Path dataDir, int port) {
        return start(dataDir, port, null);
    }

    /**
     * Like {@link #start(Path, int)}, with the binaries unpacked into {@code binariesDir} ({@code null}: beside
     * {@code dataDir}). Unpacking them (xz, in Java) takes seconds; a folder shared by an installation's data folders
     * does it once, and a later first start only checks the binaries are there. A restart of an existing cluster runs
     * the build zonky unpacked and started before directly ({@link Postmaster}), without zonky's per-start checks.
     */
    public static EmbeddedServer start(Path dataDir, int port, Path binariesDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        boolean firstStart = prepare(dir);
        if (port != 0) {
            requireFreePort(port);
        }
        Path binariesRoot = binariesDir != null ? binariesDir.toAbsolutePath().normalize()
                : dir.resolveSibling(dir.getFileName() + "-binaries");
        BinariesDirectory binaries = BinariesDirectory.prepare(binariesRoot);
        ServerPassword password = password(dir, firstStart);
        long started = System.nanoTime();
        Optional<KnownBinaries> known = firstStart ? Optional.empty() : binaries.known();
        Server server = known.flatMap(build -> startKnown(build, dir, port))
                .orElseGet(() -> startWithZonky(dir, port, binaries, password, firstStart));
        long serverUp = System.nanoTime();
        try {
            DataSource postgresDatabase = postgresDatabase(server.port(), password);
            new PasswordUpgrade(new HostBasedAuthentication(dir), password, SUPERUSER).applyIfNeeded(postgresDatabase);
            int major = createDatabaseIfMissing(postgresDatabase, server.port(), dir, password);
            LOG.info("Embedded PostgreSQL {} {} in {} on {}:{} in {} ms ({} {} ms, first connection {} ms)", major,
                    firstStart ? "created" : "started", dir, LOOPBACK, server.port(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), server.how(),
                    Duration.ofNanos(serverUp - started).toMillis(),
                    Duration.ofNanos(System.nanoTime() - serverUp).toMillis());
            return new EmbeddedServer(server, dir, binariesRoot, password, firstStart, major);
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    private static Optional<Server> startKnown(KnownBinaries build, Path dir, int port) {
        try {
            Postmaster postmaster = Postmaster.start(build, dir, port, SERVER_CONFIG, STARTUP_WAIT);
            return Optional.of(new Server(postmaster.port(), "started directly", postmaster::close));
        } catch (DatabaseStartException e) {
            // Whatever went wrong (a build removed by hand, a system that changed), zonky's start tells it better.
            LOG.warn("Starting the embedded PostgreSQL from {} failed; starting it the long way. {}", build.bin(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static Server startWithZonky(Path dir, int port, BinariesDirectory binaries, ServerPassword password,
            boolean firstStart) {
        try {
            // No shutdown hook of zonky's: it stopped the server at the JVM's exit beside the platform's own orderly
            // stop, so the jobs and cluster events still finishing lost their database (a first start's stop logged
            // "terminating connection due to administrator command"). The platform closes the server last, as it
            // closes one it started directly.
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dir)
                    .setCleanDataDirectory(false).setRegisterShutdownHook(false).setPort(port)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setOverrideWorkingDirectory(binaries.workingDirectory().toFile())
                    .setPgBinaryResolver(binaries.resolver())
                    .setConnectConfig("password", password.value());
            // Zonky hands its settings to a shell (pg_ctl -o), where an empty value must be quoted.
            SERVER_CONFIG.forEach((key, value) -> builder.setServerConfig(key, value.isEmpty() ? "''" : value));
            if (firstStart) {
                // Zonky runs initdb with "-A trust"; these later options override it (zonky passes its locale
                // settings to initdb as --key=value).
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", password.file().toString());
            }
            EmbeddedPostgres postgres = builder.start();
            binaries.closeToOthers();
            StalePostmaster.command(dir).ifPresent(
                    executable -> binaries.remember(executable, LinuxUtils.isUnshareAvailable()));
            return new Server(postgres.getPort(), firstStart ? "initdb and start by zonky" : "started by zonky",
                    () -> closeQuietly(postgres));
        } catch (IOException | RuntimeException e) {
            StalePostmaster.stopIfRunning(dir);
            throw new DatabaseStartException("Cannot start the embedded PostgreSQL in " + dir + ": " + e.getMessage()
                    + ". See the log above for PostgreSQL's own message; set atelier.db.url to use an external server.",
                    e);
        }
    }

    /** JDBC URL of the platform database, without credentials. */
    public String jdbcUrl() {
        return jdbcUrl(server.port());
    }

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://" + LOOPBACK + ":" + port + "/" + DATABASE;
    }

    public String user() {
        return SUPERUSER;
    }

    /** The superuser's password, from the owner-only password file. */
    public String password() {
        return password.value();
    }

    /** The owner-only file the password is kept in. */
    public Path passwordFile() {
        return password.file();
    }

    public int port() {
        return server.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The owner-only folder the binaries were unpacked into. */
    public Path binariesDir() {
        return binariesDir;
    }

    /** Whether this start created the cluster (initdb) rather than reopening an existing one. */
    public boolean firstStart() {
        return firstStart;
    }

    public int majorVersion() {
        return majorVersion;
    }

    /** Whether the server's postmaster has died (killed, crashed) while this object still owns the directory. */
    public boolean stopped() {
        return !StalePostmaster.isRunning(dataDir);
    }

    @Override
    public void close() {
        // A dead server's pid file would make the stop wait for a process that is gone (or a zombie).
        StalePostmaster.forgetIfDead(dataDir);
        server.stop();
    }

    /** Returns whether the directory holds no cluster yet. */
    private static boolean prepare(Path dir) {
        try {
            Files.createDirectories(dir);
            if (Files.exists(dir.resolve("postgresql.conf"))) {
                StalePostmaster.clear(dir);
                return false;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.anyMatch(entry -> !entry.getFileName().toString().equals("epg-lock"))) {
                    throw new DatabaseStartException("The embedded PostgreSQL data directory " + dir
                            + " is not empty but holds no PostgreSQL cluster (no postgresql.conf). Empty it or point "
                            + "atelier.data-dir elsewhere.");
                }
            }
            return true;
        } catch (IOException e) {
            throw new DatabaseStartException("Cannot use " + dir + " for the embedded PostgreSQL: " + e
                    + ". Check that the directory is writable.", e);
        }
    }

    private static ServerPassword password(Path dir, boolean firstStart) {
        Path file = dir.resolveSibling(dir.getFileName() + ".password");
        if (firstStart) {
            return ServerPassword.create(file);
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return ServerPassword.load(file);
        }
        if (new HostBasedAuthentication(dir).trustsAnyone()) {
            // A cluster from before passwords were required: PasswordUpgrade gives it this one once it runs.
            return ServerPassword.create(file);
        }
        throw new DatabaseStartException("The embedded PostgreSQL in " + dir + " requires a password, but " + file
                + " is missing. Restore it from a backup of the data folder. Failing that, set the method of every"
                + " rule in " + dir.resolve(HostBasedAuthentication.FILE) + " to trust and start again: a new password"
                + " is then generated and the rules are set back to scram-sha-256.");
    }

    private static void requireFreePort(int port) {
        // Zonky would otherwise mistake another server already on this port for the one it started.
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new DatabaseStartException("Port " + port + " for the embedded PostgreSQL is in use. Set "
                    + "atelier.db.embedded-port to a free port, or to 0 to pick one.", e);
        }
    }

    private static int createDatabaseIfMissing(DataSource postgresDatabase, int port, Path dir,
            ServerPassword password) {
        try (Connection connection = postgresDatabase.getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet served = statement.executeQuery("SHOW data_directory")) {
                served.next();
                if (!Path.of(served.getString(1)).toRealPath().equals(dir.toRealPath())) {
                    throw new DatabaseStartException("The server on port " + port + " serves "
                            + served.getString(1) + ", not " + dir + ". Set atelier.db.embedded-port to a free port.");
                }
            }
            QuickLogIn.applyIfNeeded(connection, SUPERUSER, password.value());
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + DATABASE);
                }
            }
            return connection.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException | IOException e) {
            throw new DatabaseStartException("The embedded PostgreSQL in " + dir + " started but cannot be used: "
                    + e.getMessage(), e);
        }
    }

    /** The superuser's connections to the {@code postgres} database of the server on {@code port}. */
    private static DataSource postgresDatabase(int port, ServerPassword password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {LOOPBACK});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName(SUPERUSER);
        source.setUser(SUPERUSER);
        source.setPassword(password.value());
        return source;
    }

    /** A started server: its port, how it was started (for the log), and how to stop it. */
    private record Server(int port, String how, Runnable stopper) {
        void stop() {
            stopper.run();
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Stopping the embedded PostgreSQL failed: {}", e.toString());
        }
    }
}
