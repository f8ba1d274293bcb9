package dev.atelier.web.theme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The theme folders under {@code themes/}. {@value #DEFAULT} holds the complete site. */
public final class Themes {

    public static final String DEFAULT = "default";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final Path root;

    public Themes(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public boolean exists(String name) {
        return name != null && NAME.matcher(name).matches() && Files.isDirectory(root.resolve(name));
    }

    /** The theme a tenant asking for {@code name} gets: {@code name} when it exists, else {@value #DEFAULT}. */
    public String effective(String name) {
        return exists(name) ? name : DEFAULT;
    }

    public Path dir(String name) {
        if (!exists(name)) {
            throw new IllegalArgumentException("No theme '" + name + "'");
        }
        return root.resolve(name);
    }

    /** Every theme's name, sorted. */
    public List<String> names() {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> NAME.matcher(n).matches()).sorted().toList();
        } catch (IOException e) {
            return List.of(DEFAULT);
        }
    }
}
