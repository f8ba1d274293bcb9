package dev.atelier.core.db.internal;

import dev.atelier.core.db.DatabaseStartException;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An existing cluster's server started from binaries unpacked before: a restart without zonky's per-start work
 * (probing the system with a script, hashing the 15 MB binaries archive to find where it was unpacked, and polling
 * for readiness in 100 ms steps twice over), which was most of a warm start's database time. The server is stopped
 * with its {@code pg_ctl}, as zonky stops it.
 *
 * <p>It behaves as zonky does where others can see it: the directory's {@code epg-lock} is held while the server runs
 * (so {@link StalePostmaster} and {@link RunningServer} read it alike), and the server and {@code pg_ctl} run in a
 * user namespace where zonky found they have to (PostgreSQL refuses to run as root). The server's output goes to the log: its
 * {@code FATAL} and {@code PANIC} lines (a failed login, a crash) as warnings, the rest at debug level, since every
 * statement that fails (a duplicate key the platform expects and handles) is an {@code ERROR} line.
 */
final class Postmaster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Postmaster.class);
    private static final Logger SERVER_LOG = LoggerFactory.getLogger("dev.atelier.core.db.postgres");
    private static final String LOCK_FILE = "epg-lock";
    private static final String PID_FILE = "postmaster.pid";
    private static final int STATUS_LINE = 7;
    private static final long POLL_MILLIS = 5;
    private static final int STOP_WAIT_SECONDS = 30;
    private static final int OUTPUT_LINES_KEPT = 20;

    private final Path pgCtl;
    private final Path postgres;
    private final boolean inUserNamespace;
    private final Path dataDir;
    private final int port;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private volatile boolean stopping;

    private Postmaster(Path pgCtl, boolean inUserNamespace, Path dataDir, int port, FileChannel lockChannel,
            FileLock lock) {
        this.pgCtl = pgCtl;
        this.postgres = pgCtl.resolveSibling("postgres");
        this.inUserNamespace = inUserNamespace;
        this.dataDir = dataDir;
        this.port = port;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Loads this class and those it runs, for a class-data-sharing archive written by a start that did not use them. */
    static List<Class<?>> loadClasses() {
        return List.of(Postmaster.class, OutputLog.class);
    }

    /**
     * Starts the server of the cluster in {@code dataDir} and returns once it accepts connections.
     *
     * @param binaries the unpacked build to run, and whether its programs run in a user namespace
     * @param port the port to listen on; 0 picks a free one
     * @param config server settings, passed as {@code -c key=value}
     * @throws DatabaseStartException when the directory is in use or the server does not come up in {@code wait}
     */
    static Postmaster start(KnownBinaries binaries, Path dataDir, int port, Map<String, String> config,
            Duration wait) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new DatabaseStartException("The embedded PostgreSQL data directory " + dataDir
                        + " is in use by another process. Stop the other Atelier process, or give this one its own"
                        + " atelier.data-dir.");
            }
            int chosen = port == 0 ? freePort() : port;
            Postmaster postmaster = new Postmaster(binaries.bin().resolve("pg_ctl"), binaries.inUserNamespace(),
                    dataDir, chosen, channel, lock);
            postmaster.launch(config, wait);
            return postmaster;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (e instanceof DatabaseStartException started) {
                throw started;
            }
            throw new DatabaseStartException("Cannot start the embedded PostgreSQL in " + dataDir + ": " + e, e);
        }
    }

    int port() {
        return port;
    }

    /** Stops the server with a fast shutdown (a clean checkpoint, open sessions ended) and frees the directory. */
    @Override
    public void close() {
        // Stopping ends every session with a FATAL line; those are no news.
        stopping = true;
        try {
            Process stop = new ProcessBuilder(command("-D", dataDir.toString(), "stop", "-m", "fast", "-w", "-t",
                    Integer.toString(STOP_WAIT_SECONDS))).redirectErrorStream(true).start();
            String output = new String(stop.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!stop.waitFor(STOP_WAIT_SECONDS + 5L, TimeUnit.SECONDS) || stop.exitValue() != 0) {
                LOG.warn("pg_ctl stop of {} failed: {}", dataDir, output);
            }
        } catch (IOException e) {
            LOG.warn("Cannot run {} to stop the embedded PostgreSQL: {}", pgCtl, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                lock.release();
            } catch (IOException e) {
                LOG.warn("Cannot release {}: {}", dataDir.resolve(LOCK_FILE), e.toString());
            }
            closeQuietly(lockChannel);
        }
    }

    private void launch(Map<String, String> config, Duration wait) throws IOException {
        // The server itself is the child, not pg_ctl: its output stays readable for as long as it runs (the JDK closes
        // a child's pipe once that child exits, and pg_ctl exits at once), and its death is seen at once. setsid keeps
        // it out of the terminal's process group, so a Ctrl+C reaches the platform, which then stops it in order.
        List<String> command = new ArrayList<>(List.of("setsid"));
        command.addAll(inUserNamespace ? List.of("unshare", "-U") : List.of());
        command.addAll(List.of(postgres.toString(), "-D", dataDir.toString(), "-p", Integer.toString(port)));
        config.forEach((key, value) -> command.addAll(List.of("-c", key + "=" + value)));
        Process server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        OutputLog output = OutputLog.follow(server, () -> stopping);
        try {
            awaitReady(server, wait, output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroy();
            throw failed("interrupted while it started", output);
        } catch (DatabaseStartException e) {
            server.destroy();
            throw e;
        }
    }

    private void awaitReady(Process server, Duration wait, OutputLog output) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> lines = pidFileLines();
            if (lines.size() > STATUS_LINE && lines.get(STATUS_LINE).strip().equals("ready")) {
                return;
            }
            if (!server.isAlive()) {
                output.awaitEnd();
                throw failed("the server exited with " + server.exitValue() + " while it started", output);
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw failed("it was not ready after " + wait.toSeconds() + " s", output);
    }

    private List<String> pidFileLines() {
        try {
            return Files.readAllLines(dataDir.resolve(PID_FILE));
        } catch (IOException e) {
            return List.of();
        }
    }

    private DatabaseStartException failed(String what, OutputLog output) {
        return new DatabaseStartException("Cannot start the embedded PostgreSQL in " + dataDir + ": " + what
                + ". PostgreSQL said: " + output.recent());
    }

    private List<String> command(String... arguments) {
        List<String> command = new ArrayList<>();
        if (inUserNamespace) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtl.toString());
        command.addAll(List.of(arguments));
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing a lock file failed", e);
            }
        }
    }

    /**
     * The server's output, logged line by line until it exits; the last lines are kept to explain a start that
     * failed.
     */
    private static final class OutputLog implements Runnable {

        private final Process process;
        private final BooleanSupplier stopping;
        private final Deque<String> recent = new ArrayDeque<>();
        private boolean ended;

        private OutputLog(Process process, BooleanSupplier stopping) {
            this.process = process;
            this.stopping = stopping;
        }

        static OutputLog follow(Process process, BooleanSupplier stopping) {
            OutputLog log = new OutputLog(process, stopping);
            Thread reader = new Thread(log, "atelier-db-postgres-output");
            reader.setDaemon(true);
            reader.start();
            return log;
        }

        @Override
        public void run() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!stopping.getAsBoolean() && (line.contains("FATAL:") || line.contains("PANIC:"))) {
                        SERVER_LOG.warn(line);
                    } else {
                        SERVER_LOG.debug(line);
                    }
                    keep(line);
                }
            } catch (IOException e) {
                LOG.debug("Reading the embedded PostgreSQL's output ended", e);
            } finally {
                synchronized (this) {
                    ended = true;
                    notifyAll();
                }
            }
        }

        /** Waits briefly for the last lines of a server that exited, so that its reason is among them. */
        synchronized void awaitEnd() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (!ended && System.nanoTime() < deadline) {
                wait(50);
            }
        }

        synchronized String recent() {
            return recent.isEmpty() ? "(nothing)" : String.join(" / ", recent);
        }

        private synchronized void keep(String line) {
            if (recent.size() == OUTPUT_LINES_KEPT) {
                recent.removeFirst();
            }
            recent.addLast(line);
        }
    }
}
