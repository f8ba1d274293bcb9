package dev.atelier.core.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a secret to a file that no other user can ever read: the text goes into a new file created owner-only, which
 * then replaces the target in one rename. Writing in place would leave the old file's permissions in force while the
 * secret is written, and anyone already holding the old file open would read the new secret through it.
 */
public final class OwnerOnlyFile {

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private OwnerOnlyFile() {}

    /** Replaces {@code file} with one holding {@code text}, creating its folder if needed. */
    public static void write(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = createOwnerOnly(folder, file.getFileName().toString());
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Path createOwnerOnly(Path folder, String name) throws IOException {
        String prefix = "." + name + "-";
        // On a file system without POSIX permissions the folder's own permissions are all there is.
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(folder, prefix, ".tmp", OWNER_ONLY)
                : Files.createTempFile(folder, prefix, ".tmp");
    }
}
