package dev.atelier.core.db.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The embedded PostgreSQL a running platform serves from a data folder, found from beside it: a command such as
 * {@code atelier credits grant} connects to it rather than failing because the folder is in use. Found only while a
 * platform (another process, or this one) holds the folder's lock and the server named by {@code postmaster.pid} runs
 * and says it is ready.
 *
 * @param port the server's loopback port, from {@code postmaster.pid}
 * @param password the superuser's password, from the owner-only file beside the cluster
 */
public record RunningServer(int port, String password) {

    private static final String ZONKY_LOCK = "epg-lock";
    // postmaster.pid: pid, data directory, start time, port, socket directory, listen address, shared memory, status.
    private static final int PORT_LINE = 3;
    private static final int STATUS_LINE = 7;

    /** The server a platform runs in {@code dataDir}; empty when none does. */
    public static Optional<RunningServer> in(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir) || !held(dir) || !StalePostmaster.isRunning(dir)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(dir.resolve("postmaster.pid"));
            if (lines.size() <= STATUS_LINE || !lines.get(STATUS_LINE).strip().equals("ready")) {
                return Optional.empty();
            }
            int port = Integer.parseInt(lines.get(PORT_LINE).strip());
            String password = ServerPassword.load(dir.resolveSibling(dir.getFileName() + ".password")).value();
            return Optional.of(new RunningServer(port, password));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** JDBC URL of the platform database on this server. */
    public String jdbcUrl() {
        return EmbeddedServer.jdbcUrl(port);
    }

    public String user() {
        return EmbeddedServer.SUPERUSER;
    }

    @Override
    public String toString() {
        return "RunningServer[port=" + port + "]";
    }

    private static boolean held(Path dir) {
        Path lock = dir.resolve(ZONKY_LOCK);
        if (!Files.exists(lock)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE); FileLock free = channel.tryLock()) {
            return free == null;
        } catch (OverlappingFileLockException thisProcess) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
