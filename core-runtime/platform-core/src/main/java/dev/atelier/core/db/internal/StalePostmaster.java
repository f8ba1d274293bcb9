package dev.atelier.core.db.internal;

import dev.atelier.core.db.DatabaseStartException;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
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

    /** The executable of the running server named by the directory's {@code postmaster.pid}. */
    static Optional<Path> command(Path dataDir) {
        return readPid(dataDir.resolve(PID_FILE)).flatMap(ProcessHandle::of)
                .flatMap(server -> server.info().command()).map(Path::of);
    }

    /** Whether the server named by the directory's {@code postmaster.pid} is running (a zombie is not). */
    static boolean isRunning(Path dataDir) {
        return readPid(dataDir.resolve(PID_FILE)).flatMap(ProcessHandle::of).filter(StalePostmaster::running)
                .isPresent();
    }

    /** Removes {@code postmaster.pid} if its server is gone, so that stopping the dead server does not wait for it. */
    static void forgetIfDead(Path dataDir) {
        if (!isRunning(dataDir)) {
            try {
                Files.deleteIfExists(dataDir.resolve(PID_FILE));
            } catch (IOException e) {
                LOG.warn("Cannot remove the stale {} from {}: {}", PID_FILE, dataDir, e.toString());
            }
        }
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
        // pg_ctl next to the server binary does a fast shutdown (clean checkpoint); its exit code tells whether the
        // server is down. Waiting for the process itself would hang where no init reaps orphans: it stays a zombie.
        String pgCtl = Path.of(server.info().command().orElseThrow()).resolveSibling("pg_ctl").toString();
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // pg_ctl refuses to run as root; zonky runs it in a user namespace the same way.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl, "-D", dataDir.toString(), "stop", "-m", "fast", "-w", "-t",
                Long.toString(STOP_WAIT.toSeconds())));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).strip();
            if (process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return;
            }
            LOG.warn("pg_ctl stop failed: {}", output);
            process.destroyForcibly();
        } catch (IOException e) {
            LOG.warn("Cannot run {}: {}", pgCtl, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.warn("pg_ctl did not stop PostgreSQL pid {}; killing it", server.pid());
        server.destroyForcibly();
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (running(server) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }
}
