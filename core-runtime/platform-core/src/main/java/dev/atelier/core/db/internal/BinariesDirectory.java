package dev.atelier.core.db.internal;

import dev.atelier.core.db.DatabaseStartException;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Where the PostgreSQL binaries are unpacked: an owner-only folder in the data folder, so no other user can plant
 * binaries there before the platform runs them (as they could in the shared temporary directory). Zonky makes its
 * working directory writable by everyone; that directory is therefore a child of this one, which others cannot enter.
 */
final class BinariesDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final String WORKING_DIRECTORY = "unpacked";
    // Which unpacked build the last start ran, and for which archive on the class path.
    private static final String KNOWN_FILE = "known-binaries.properties";
    private static final String ARCHIVE = "archive";
    private static final String BIN = "bin";
    private static final String USER_NAMESPACE = "user-namespace";

    private final Path root;

    private BinariesDirectory(Path root) {
        this.root = root;
    }

    /** The owner-only folder {@code root}, created if missing; refuses one another user could have written to. */
    static BinariesDirectory prepare(Path root) {
        try {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(root, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            UserPrincipal self = FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)
                    || !Files.getOwner(root, LinkOption.NOFOLLOW_LINKS).equals(self)
                    || !Files.getPosixFilePermissions(root, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
                throw new DatabaseStartException("The embedded PostgreSQL binaries folder " + root + " is not a"
                        + " directory owned by " + self.getName() + " and closed to other users (rwx------). Delete it;"
                        + " the binaries are unpacked there again at the next start.");
            }
            Path working = root.resolve(WORKING_DIRECTORY);
            Files.createDirectories(working);
            return new BinariesDirectory(root);
        } catch (IOException e) {
            throw new DatabaseStartException("Cannot prepare " + root + " for the embedded PostgreSQL binaries: " + e
                    + ". Check that the data folder is writable.", e);
        }
    }

    /** The directory handed to zonky, which unpacks each PostgreSQL build into a subfolder of it. */
    Path workingDirectory() {
        return root.resolve(WORKING_DIRECTORY);
    }

    /**
     * The binaries' source for zonky. Zonky remembers where it unpacked per resolver, not per directory; a resolver
     * equal only for this folder makes it unpack here even when this JVM unpacked elsewhere before.
     */
    PgBinaryResolver resolver() {
        return new UnpackedInto(root);
    }

    /** Takes back the write permission zonky gave everyone on its working directory. */
    void closeToOthers() {
        try {
            Files.setPosixFilePermissions(workingDirectory(), OWNER_ONLY);
        } catch (IOException e) {
            throw new DatabaseStartException("Cannot make " + workingDirectory() + " owner-only: " + e, e);
        }
    }

    /**
     * The build a zonky start unpacked here and ran, when the archive on the class path is still the one it came from;
     * empty otherwise (never started, another build since, or anything unreadable), and zonky finds it again.
     */
    Optional<KnownBinaries> known() {
        Path file = root.resolve(KNOWN_FILE);
        Optional<String> archive = BinariesArchive.identity();
        if (archive.isEmpty() || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Properties known = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            known.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!archive.get().equals(known.getProperty(ARCHIVE)) || known.getProperty(BIN) == null) {
            return Optional.empty();
        }
        Path bin = Path.of(known.getProperty(BIN)).normalize();
        boolean runnable = bin.startsWith(workingDirectory()) && Files.isExecutable(bin.resolve("pg_ctl"))
                && Files.isExecutable(bin.resolve("postgres"));
        return runnable ? Optional.of(new KnownBinaries(bin, Boolean.parseBoolean(known.getProperty(USER_NAMESPACE))))
                : Optional.empty();
    }

    /**
     * Notes the build zonky just started (the server's own executable, {@code .../bin/postgres}) for {@link #known}.
     * A note that cannot be written only means the next start goes through zonky again.
     */
    void remember(Path serverExecutable, boolean inUserNamespace) {
        Optional<String> archive = BinariesArchive.identity();
        if (archive.isEmpty()) {
            return;
        }
        Properties known = new Properties();
        known.setProperty(ARCHIVE, archive.get());
        known.setProperty(BIN, serverExecutable.getParent().toString());
        known.setProperty(USER_NAMESPACE, Boolean.toString(inUserNamespace));
        Path file = root.resolve(KNOWN_FILE);
        Path written = null;
        try {
            written = Files.createTempFile(root, KNOWN_FILE, ".tmp");
            try (Writer writer = Files.newBufferedWriter(written)) {
                known.store(writer, "The PostgreSQL build the embedded server last ran; rewritten as needed");
            }
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LoggerFactory.getLogger(BinariesDirectory.class).debug("Cannot note the binaries in {}", file, e);
            deleteQuietly(written);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LoggerFactory.getLogger(BinariesDirectory.class).debug("Cannot remove {}", file, e);
        }
    }

    private record UnpackedInto(Path root) implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        }
    }
}
