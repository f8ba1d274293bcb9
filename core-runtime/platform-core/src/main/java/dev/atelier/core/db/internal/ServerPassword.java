package dev.atelier.core.db.internal;

import dev.atelier.core.db.DatabaseStartException;
import dev.atelier.core.secrets.OwnerOnlyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's superuser password, kept in an owner-only ({@code rw-------}) file beside the cluster. The
 * file is written under a temporary name created owner-only and then renamed, so it is never readable by others nor
 * seen half-written.
 */
final class ServerPassword {

    private static final Logger LOG = LoggerFactory.getLogger(ServerPassword.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int RANDOM_BYTES = 32;

    private final Path file;
    private final String value;

    private ServerPassword(Path file, String value) {
        this.file = file;
        this.value = value;
    }

    /** Generates a new random password and stores it in {@code file}, replacing what was there. */
    static ServerPassword create(Path file) {
        byte[] bytes = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(bytes);
        // URL-safe base64 without padding: nothing to quote in a pwfile or a connection property.
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            OwnerOnlyFile.write(file, value + "\n");
        } catch (IOException e) {
            throw new DatabaseStartException("Cannot write the embedded PostgreSQL password file " + file + ": " + e
                    + ". Check that the data folder is writable.", e);
        }
        return new ServerPassword(file, value);
    }

    /** The password stored in {@code file}; a file others could read is made owner-only first. */
    static ServerPassword load(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new DatabaseStartException("The embedded PostgreSQL password file " + file + " is not a regular"
                        + " file. Replace it with the file holding the password, or move the data folder aside.");
            }
            if (!Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
                LOG.warn("The embedded PostgreSQL password file {} was readable by others; made it owner-only", file);
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (value.isEmpty()) {
                throw new DatabaseStartException("The embedded PostgreSQL password file " + file + " is empty. Restore"
                        + " it from a backup of the data folder.");
            }
            return new ServerPassword(file, value);
        } catch (IOException e) {
            throw new DatabaseStartException("Cannot read the embedded PostgreSQL password file " + file + ": " + e
                    + ". Check that the data folder is readable by this user.", e);
        }
    }

    Path file() {
        return file;
    }

    String value() {
        return value;
    }

    @Override
    public String toString() {
        return "ServerPassword[" + file + "]";
    }
}
