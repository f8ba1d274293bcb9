package dev.atelier.launcher.modules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Maven modules of this repository as they are on disk, read from the {@code <module>} lists of the root POM and
 * of every aggregating POM below it, so a new module is checked without an edit here.
 */
final class SourceModules {

    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");

    private SourceModules() {}

    /** One module: its path from the repository root (for messages) and its directory. */
    record Module(String path, Path dir) {

        Path mainJava() {
            return dir.resolve("src/main/java");
        }

        Path migrations() {
            return dir.resolve("src/main/resources/db/migration");
        }
    }

    /** Every module of the build, aggregators included (they simply have no sources). */
    static List<Module> all() {
        Path root = root();
        List<Module> modules = new ArrayList<>();
        collect(root, root, modules);
        return modules;
    }

    /** The files below {@code dir} whose names end with {@code suffix}; none when {@code dir} does not exist. */
    static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(suffix)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Path root, Path dir, List<Module> modules) {
        Matcher matcher = MODULE.matcher(read(dir.resolve("pom.xml")));
        while (matcher.find()) {
            Path child = dir.resolve(matcher.group(1)).normalize();
            modules.add(new Module(root.relativize(child).toString(), child));
            collect(root, child, modules);
        }
    }

    /** Tests run in their module's folder; the repository root is the nearest folder above with an aggregating POM. */
    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && read(pom).contains("<module>core-runtime/")) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root with core-runtime modules above "
                + Path.of("").toAbsolutePath());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
