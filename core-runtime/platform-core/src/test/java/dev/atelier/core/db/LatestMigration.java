package dev.atelier.core.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The newest migration of this build, so tests need no edit each time a migration is added. */
final class LatestMigration {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__.+\\.sql");

    static final String FILE_NAME = find();
    static final String VERSION = version(FILE_NAME);

    private LatestMigration() {}

    private static String find() {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> NAME.matcher(name).matches())
                    .max(Comparator.comparingInt(name -> Integer.parseInt(version(name))))
                    .orElseThrow(() -> new IllegalStateException("No migrations in src/main/resources/db/migration"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version(String fileName) {
        Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches()) {
            throw new IllegalStateException("Not a migration file name: " + fileName);
        }
        return matcher.group(1);
    }
}
