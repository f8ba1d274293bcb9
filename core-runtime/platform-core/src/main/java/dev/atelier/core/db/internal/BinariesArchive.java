package dev.atelier.core.db.internal;

import io.zonky.test.db.postgres.util.ArchUtils;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;

/**
 * The PostgreSQL binaries archive on the class path, told apart from any other build cheaply: by where it is and by
 * the size and CRC its jar records for it, instead of zonky's MD5 over its 15 MB on every start.
 */
final class BinariesArchive {

    private BinariesArchive() {}

    /**
     * The identity of the archive zonky would take on Linux ({@code postgres-linux-<arch>.txz}); empty elsewhere,
     * when there is none or more than one, or when it cannot be read.
     */
    static Optional<String> identity() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.empty();
        }
        String name = "postgres-linux-" + ArchUtils.normalize(System.getProperty("os.arch")) + ".txz";
        try {
            List<URL> found = Collections.list(BinariesArchive.class.getClassLoader().getResources(name));
            if (found.size() != 1) {
                return Optional.empty();
            }
            URL url = found.get(0);
            if (url.openConnection() instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                JarEntry entry = jar.getJarEntry();
                try {
                    return Optional.of(url + " size=" + entry.getSize() + " crc=" + Long.toHexString(entry.getCrc()));
                } finally {
                    jar.getJarFile().close();
                }
            }
            if (url.getProtocol().equals("file")) {
                Path file = Path.of(url.toURI());
                return Optional.of(url + " size=" + Files.size(file) + " modified="
                        + Files.getLastModifiedTime(file).toMillis());
            }
            return Optional.empty();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
