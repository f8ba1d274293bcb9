package dev.atelier.plugins;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The deploy folder as it was when it was last in step with the cluster: file name to bundle and content hash, kept in
 * a small properties file in the node's data folder and replaced atomically.
 */
final class SyncState {

    /** One jar's bundle and hash, stored as {@code symbolicName sha256}. */
    record Entry(String symbolicName, String sha256) {

        String format() {
            return symbolicName + " " + sha256;
        }

        static Entry parse(String text) {
            int space = text.lastIndexOf(' ');
            return new Entry(text.substring(0, space), text.substring(space + 1));
        }
    }

    private final Path file;

    SyncState(Path file) {
        this.file = file;
    }

    /** The recorded folder; empty when this node has never been in step (no file). */
    Optional<Map<String, String>> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> entries = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> entries.put(name, properties.getProperty(name)));
        return Optional.of(entries);
    }

    void save(Map<String, String> entries) throws IOException {
        Properties properties = new Properties();
        properties.putAll(entries);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path staged = Files.createTempFile(file.toAbsolutePath().getParent(), ".bundle-sync-", ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(staged, StandardCharsets.UTF_8)) {
                properties.store(out, "Deploy folder last in step with the cluster's bundle repository");
            }
            Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(staged);
        }
    }
}
