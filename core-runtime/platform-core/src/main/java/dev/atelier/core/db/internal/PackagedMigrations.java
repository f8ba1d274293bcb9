package dev.atelier.core.db.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The SQL migrations the class path holds in one location (every jar's and folder's {@code db/migration}), read the
 * way Flyway finds them, with one SHA-256 over all their names and contents: equal fingerprints mean Flyway would
 * find exactly the same migrations.
 *
 * @param scripts each script's file name and content, by name
 */
record PackagedMigrations(Map<String, byte[]> scripts) {

    /** Versioned migrations: {@code V<version>__<description>.sql}, the version's underscores read as dots. */
    private static final String VERSIONED = "V";
    private static final String SEPARATOR = "__";
    private static final String SUFFIX = ".sql";

    /**
     * The migrations in {@code location} (such as {@code db/migration}) of every class path entry; empty when an entry
     * cannot be listed here (a kind of URL other than a jar or a folder), so that Flyway, which can, decides alone.
     */
    static Optional<PackagedMigrations> find(ClassLoader loader, String location) {
        Map<String, byte[]> scripts = new TreeMap<>();
        try {
            for (URL url : Collections.list(loader.getResources(location))) {
                if (!readInto(scripts, url, location)) {
                    return Optional.empty();
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(new PackagedMigrations(Collections.unmodifiableMap(scripts)));
    }

    /** A hex SHA-256 over every script's name and bytes, in name order. */
    String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            scripts.forEach((name, content) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content);
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** The versions of the versioned migrations, as Flyway writes them in its history ({@code V1_2__x.sql}: 1.2). */
    Set<String> versions() {
        return scripts.keySet().stream()
                .filter(name -> name.startsWith(VERSIONED) && name.contains(SEPARATOR) && name.endsWith(SUFFIX))
                .map(name -> name.substring(VERSIONED.length(), name.indexOf(SEPARATOR)).replace('_', '.'))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static boolean readInto(Map<String, byte[]> scripts, URL url, String location)
            throws IOException, URISyntaxException {
        if (url.getProtocol().equals("file")) {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    scripts.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
            return true;
        }
        if (url.getProtocol().equals("jar") && url.openConnection() instanceof JarURLConnection connection) {
            connection.setUseCaches(false);
            String prefix = location.endsWith("/") ? location : location + "/";
            try (JarFile jar = connection.getJarFile()) {
                for (JarEntry entry : Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (!entry.isDirectory() && name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                        try (InputStream content = jar.getInputStream(entry)) {
                            scripts.put(name.substring(prefix.length()), content.readAllBytes());
                        }
                    }
                }
            }
            return true;
        }
        return false;
    }
}
