package dev.atelier.plugins.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of the deploy folder's jars, remembered by the file's identity so that a restart does not read them all
 * again. Hashing the default bundles (8 MB) took 50-150 ms of CPU at every start, in a JVM whose hashing code was not
 * compiled yet, and both readers of the folder (the cluster's sync and the plugin host) did it.
 *
 * <p>A hash is reused only while the file's inode, size, change time and modification time are all what they were
 * when it was taken. Any write, rename over it or copy onto it moves the change time, which no program can set back
 * (unlike the modification time, which {@code cp -p} or {@code touch} set). A file changed within the last two seconds
 * is not remembered at all, for file systems that keep times to the second. Where the file system has no inode or
 * change time to read, every call hashes the file.
 *
 * <p>The hashes are kept for the whole process, and across restarts in the file named by {@link #keepIn}.
 */
public final class JarDigests {

    private static final Duration SETTLED = Duration.ofSeconds(2);
    private static final String ATTRIBUTES = "unix:ino,ctime,size,lastModifiedTime";
    private static final Map<Path, Known> KNOWN = new ConcurrentHashMap<>();
    private static volatile Path store;

    /** A hash and the file identity it was taken for. */
    private record Known(String stamp, String sha256) {}

    private JarDigests() {
    }

    /**
     * Keeps the remembered hashes in {@code file} (in the node's data folder) and takes those it already holds. A
     * missing or unreadable file only means the jars are hashed again.
     */
    public static synchronized void keepIn(Path file) {
        store = file;
        Properties saved = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            saved.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return;
        }
        saved.forEach((path, value) -> {
            String text = value.toString();
            int space = text.lastIndexOf(' ');
            if (space > 0) {
                KNOWN.putIfAbsent(Path.of(path.toString()), new Known(text.substring(0, space),
                        text.substring(space + 1)));
            }
        });
    }

    /** The SHA-256 of {@code file}'s content, as lower-case hex; read again unless the file is known unchanged. */
    public static String sha256(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        Optional<Identity> before = identity(key);
        if (before.isPresent()) {
            Known known = KNOWN.get(key);
            if (known != null && known.stamp().equals(before.get().stamp())) {
                return known.sha256();
            }
        }
        String hash = DeployFolderWatcher.sha256(key);
        if (before.isPresent() && before.get().settled() && before.equals(identity(key))) {
            KNOWN.put(key, new Known(before.get().stamp(), hash));
            save();
        }
        return hash;
    }

    /**
     * A file's identity: inode, size, change and modification times as one stamp, and when it last changed.
     *
     * @param changed the change time, which says whether the file has been left alone long enough to be remembered
     */
    private record Identity(String stamp, Instant changed) {

        boolean settled() {
            return changed.isBefore(Instant.now().minus(SETTLED));
        }
    }

    /** Empty where the file system keeps no inode or change time (no "unix" attribute view). */
    private static Optional<Identity> identity(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return Optional.empty();
        }
        Map<String, Object> attributes = Files.readAttributes(file, ATTRIBUTES);
        Instant changed = ((FileTime) attributes.get("ctime")).toInstant();
        Instant modified = ((FileTime) attributes.get("lastModifiedTime")).toInstant();
        return Optional.of(new Identity(attributes.get("ino") + ":" + attributes.get("size") + ":" + nanos(changed)
                + ":" + nanos(modified), changed));
    }

    private static String nanos(Instant time) {
        return time.getEpochSecond() + "." + time.getNano();
    }

    /** Writes the hashes of the files still there; a failure only costs hashing them again at the next start. */
    private static synchronized void save() {
        Path file = store;
        if (file == null) {
            return;
        }
        Properties saved = new Properties();
        KNOWN.forEach((path, known) -> {
            if (Files.exists(path)) {
                saved.setProperty(path.toString(), known.stamp() + " " + known.sha256());
            }
        });
        try {
            Path staged = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try (Writer out = Files.newBufferedWriter(staged, StandardCharsets.UTF_8)) {
                saved.store(out, "SHA-256 of deploy folder jars by file identity; safe to delete");
            }
            Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The next start hashes the jars again.
        }
    }
}
