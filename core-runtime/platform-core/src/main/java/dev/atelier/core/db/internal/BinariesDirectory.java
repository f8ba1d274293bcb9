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
import java.util.Set;

/**
 * Where the PostgreSQL binaries are unpacked: an owner-only folder in the data folder, so no other user can plant
 * binaries there before the platform runs them (as they could in the shared temporary directory). Zonky makes its
 * working directory writable by everyone; that directory is therefore a child of this one, which others cannot enter.
 */
final class BinariesDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final String WORKING_DIRECTORY = "unpacked";

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

    private record UnpackedInto(Path root) implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        }
    }
}
