package dev.atelier.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the deploy folder and reports jars that appeared, changed (by content hash) or disappeared. A jar is only
 * read once its size, time and file identity stayed the same across two polls, so a half-copied jar is never read (at
 * start, a jar already that old is read at once, see {@link #scanNow}); it counts as removed once it was missing in two
 * polls.
 * Files whose names start with a dot are ignored: that is where uploads are staged.
 */
public final class DeployFolderWatcher implements AutoCloseable {

    /** Receives the changes, one at a time, on the watcher thread. */
    public interface Handler {
        void added(Path jar, String hash);

        void changed(Path jar, String hash);

        void removed(String fileName);
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeployFolderWatcher.class);

    private record Observation(long size, FileTime modified, Object fileKey) {}

    private final Path folder;
    private final Handler handler;
    private Map<String, Observation> lastSeen = new HashMap<>();
    private final Map<String, Observation> actedOn = new HashMap<>();
    private final Map<String, String> hashes = new HashMap<>();
    private final Set<String> missingOnce = new HashSet<>();
    private ScheduledExecutorService timer;

    public DeployFolderWatcher(Path folder, Handler handler) {
        this.folder = folder;
        this.handler = handler;
    }

    /**
     * Acts on the jars already in the folder before this returns. A jar nobody wrote to for at least {@code interval}
     * is read at once: a copy still under way would have changed its time within that, which is all two polls that far
     * apart could see. Only when a jar is younger than that does a second poll follow, {@code interval} later.
     */
    public void scanNow(Duration interval) throws InterruptedException {
        poll(Instant.now().minus(interval));
        if (!allActedOn()) {
            TimeUnit.NANOSECONDS.sleep(interval.toNanos());
            poll();
        }
    }

    /** Keeps polling every {@code interval} on a daemon thread until closed. */
    public synchronized void startPolling(Duration interval) {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "atelier-deploy-watcher");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::pollSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = timer;
            timer = null;
        }
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.error("Polling the deploy folder failed", e);
        }
    }

    /** One pass over the folder. Not thread-safe: called from start() and then only from the timer thread. */
    synchronized void poll() {
        poll(null);
    }

    /** @param quietSince a jar last written before this counts as settled without a second look; null: none does */
    private synchronized void poll(Instant quietSince) {
        Map<String, Observation> now = observe();
        missingOnce.retainAll(hashes.keySet());
        missingOnce.removeAll(now.keySet());
        for (String gone : List.copyOf(hashes.keySet())) {
            // A replace that deletes before it renames (Files.move with REPLACE_EXISTING, some copy tools) leaves
            // the name missing for a moment: only a jar missing in two polls in a row counts as removed.
            if (!now.containsKey(gone) && !missingOnce.add(gone)) {
                missingOnce.remove(gone);
                hashes.remove(gone);
                actedOn.remove(gone);
                handle(gone, () -> handler.removed(gone));
            }
        }
        now.forEach((name, observation) -> {
            boolean stable = observation.equals(lastSeen.get(name))
                    || quietSince != null && observation.modified().toInstant().isBefore(quietSince);
            if (stable && !observation.equals(actedOn.get(name))) {
                examine(name, observation);
            }
        });
        lastSeen = now;
    }

    private synchronized boolean allActedOn() {
        return lastSeen.entrySet().stream().allMatch(seen -> seen.getValue().equals(actedOn.get(seen.getKey())));
    }

    private void examine(String name, Observation observation) {
        Path jar = folder.resolve(name);
        String hash;
        try {
            hash = JarDigests.sha256(jar);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            LOG.warn("Could not read {}: {}", jar, e.getMessage());
            return;
        }
        actedOn.put(name, observation);
        String previous = hashes.put(name, hash);
        if (previous == null) {
            handle(name, () -> handler.added(jar, hash));
        } else if (!previous.equals(hash)) {
            handle(name, () -> handler.changed(jar, hash));
        }
    }

    private void handle(String name, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            // One bad jar must not stop the others from being deployed.
            LOG.error("Deploying {} failed unexpectedly", name, e);
        }
    }

    private Map<String, Observation> observe() {
        Map<String, Observation> seen = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        seen.put(name, new Observation(
                                attributes.size(), attributes.lastModifiedTime(), attributes.fileKey()));
                    }
                } catch (NoSuchFileException e) {
                    // Deleted between listing and reading; the next poll sees it gone.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + folder, e);
        }
        return seen;
    }

    /** SHA-256 of a file's content, as lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "DeployFolderWatcher[" + Objects.toString(folder) + "]";
    }
}
