package dev.atelier.core.db.internal;

import dev.atelier.core.db.DatabaseStartException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a killed platform process leaves in an embedded data directory: a {@code postmaster.pid} whose server
 * is either gone (its pid possibly reused by an unrelated process, which makes PostgreSQL refuse to start) or still
 * running as an orphan. Zonky holds a file lock on {@code epg-lock} while it owns the directory, so a free lock means
 * no live platform process uses it.
 */
final class StalePostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);
    private static final String PID_FILE = "postmaster.pid";
    private static final String ZONKY_LOCK = "epg-lock";
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private StalePostmaster() {}

    /** Makes the directory startable, or explains who else is using it. */
    static void clear(Path dataDir) {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDir.resolve(ZONKY_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(dataDir, "another process");
            }
            Optional<ProcessHandle> server = readPid(pidFile).flatMap(ProcessHandle::of).filter(StalePostmaster::isPostgres);
            if (server.isPresent()) {
                LOG.warn("Stopping PostgreSQL (pid {}) left running in {} by a process that did not shut down",
                        server.get().pid(), dataDir);
                stop(server.get(), dataDir);
            } else {
                LOG.info("Removing stale {} from {}", PID_FILE, dataDir);
            }
            Files.deleteIfExists(pidFile);
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDir, "this process");
        } catch (IOException e) {
            throw new DatabaseStartException("Cannot check the embedded PostgreSQL data directory " + dataDir + ": " + e
                    + ". Check that the directory is writable.", e);
        }
    }

    /** Stops a server started in {@code dataDir} whose owner never got hold of it (a start that failed half-way). */
    static void stopIfRunning(Path dataDir) {
        readPid(dataDir.resolve(PID_FILE)).flatMap(ProcessHandle::of).filter(StalePostmaster::isPostgres)
                .ifPresent(server -> stop(server, dataDir));
    }

    private static DatabaseStartException inUse(Path dataDir, String who) {
        return new DatabaseStartException("The embedded PostgreSQL data directory " + dataDir + " is in use by " + who
                + ". Stop the other Atelier process, or give this one its own atelier.data-dir.");
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/postgres")).orElse(false);
    }

    private static void stop(ProcessHandle server, Path dataDir) {
        // pg_ctl next to the server binary does a fast shutdown (clean checkpoint); signals are the fallback.
        String pgCtl = Path.of(server.info().command().orElseThrow()).resolveSibling("pg_ctl").toString();
        try {
            Process process = new ProcessBuilder(pgCtl, "-D", dataDir.toString(), "stop", "-m", "fast", "-w", "-t",
                    Long.toString(STOP_WAIT.toSeconds())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.waitFor(STOP_WAIT.toSeconds() + 5, TimeUnit.SECONDS);
            server.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("pg_ctl stop did not stop pid {} ({}); killing it", server.pid(), e.toString());
            server.destroyForcibly();
            server.onExit().join();
        }
    }
}
