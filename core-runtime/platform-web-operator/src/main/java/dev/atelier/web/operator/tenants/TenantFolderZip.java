package dev.atelier.web.operator.tenants;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks an uploaded zip of a tenant folder into a fresh directory, refusing what could escape it or exhaust the
 * disk: paths with {@code ..}, absolute or drive paths, backslashes, more than {@value #MAX_ENTRIES} entries or more
 * than {@value #MAX_UNPACKED_BYTES} bytes unpacked. Nothing outside {@code into} is ever written.
 */
final class TenantFolderZip {

    /** Most entries a tenant folder zip may hold. */
    static final int MAX_ENTRIES = 500;
    /** Most bytes its files may hold once unpacked (logos and templates are small). */
    static final long MAX_UNPACKED_BYTES = 16L * 1024 * 1024;

    private TenantFolderZip() {
    }

    /**
     * Unpacks {@code zip} into {@code into}, which must be an empty directory.
     *
     * @throws InvalidUploadException when the zip is unreadable, empty, or breaks one of the rules above
     */
    static void unpack(InputStream zip, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        int entries = 0;
        long unpacked = 0;
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new InvalidUploadException("The zip holds more than " + MAX_ENTRIES + " entries.");
                }
                Path target = inside(root, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                unpacked += copy(in, target, MAX_UNPACKED_BYTES - unpacked);
            }
        } catch (ZipException e) {
            throw new InvalidUploadException("That file is not a readable zip: " + e.getMessage());
        }
        if (entries == 0) {
            throw new InvalidUploadException("That file is not a zip of a tenant folder: it holds nothing.");
        }
    }

    // Checked on the name before anything is created, and again on the resolved path.
    private static Path inside(Path root, String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")
                || java.util.Arrays.asList(name.split("/")).contains("..")) {
            throw new InvalidUploadException("The zip holds a path outside its folder: " + printable(name));
        }
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new InvalidUploadException("The zip holds a path outside its folder: " + printable(name));
        }
        return target;
    }

    private static long copy(InputStream in, Path target, long room) throws IOException {
        byte[] buffer = new byte[8192];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                written += read;
                if (written > room) {
                    throw new InvalidUploadException("The zip unpacks to more than "
                            + MAX_UNPACKED_BYTES / (1024 * 1024) + " MB.");
                }
                out.write(buffer, 0, read);
            }
        }
        return written;
    }

    private static String printable(String name) {
        String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
