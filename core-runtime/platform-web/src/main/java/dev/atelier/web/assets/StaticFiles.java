package dev.atelier.web.assets;

import dev.atelier.core.hash.Sha256;
import dev.atelier.web.theme.Themes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A theme's static files ({@code themes/<theme>/static/}, falling back to {@code themes/default/static/}) and their
 * content-hashed URLs {@code /static/<theme>/<hash>/<path>}. Hashes are computed once per file version.
 */
public final class StaticFiles {

    /** Hex characters of the SHA-256 kept in URLs. */
    static final int HASH_LENGTH = 16;
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private record Hashed(long modified, long size, String hash) {}

    private final Themes themes;
    private final Map<Path, Hashed> hashes = new ConcurrentHashMap<>();

    public StaticFiles(Themes themes) {
        this.themes = themes;
    }

    /** The URL of {@code path} in {@code theme}; a missing file gets a URL that answers 404. */
    public String url(String theme, String path) {
        String name = themes.effective(theme);
        String hash = resolve(name, path).map(this::hash).orElse("missing");
        return "/static/" + name + "/" + hash + "/" + path;
    }

    /** The file {@code path} names in {@code theme} or default; empty for unsafe paths and missing files. */
    public Optional<Path> resolve(String theme, String path) {
        if (!themes.exists(theme) || !isSafe(path)) {
            return Optional.empty();
        }
        Optional<Path> own = inTheme(theme, path);
        return own.isPresent() || Themes.DEFAULT.equals(theme) ? own : inTheme(Themes.DEFAULT, path);
    }

    /** The hash part of the file's URL. */
    public String hash(Path file) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            long modified = attrs.lastModifiedTime().toMillis();
            Hashed known = hashes.get(file);
            if (known != null && known.modified() == modified && known.size() == attrs.size()) {
                return known.hash();
            }
            String hash = Sha256.hex(Files.readAllBytes(file)).substring(0, HASH_LENGTH);
            hashes.put(file, new Hashed(modified, attrs.size(), hash));
            return hash;
        } catch (IOException e) {
            return "missing";
        }
    }

    private Optional<Path> inTheme(String theme, String path) {
        Path root = themes.dir(theme).resolve("static");
        Path file = root.resolve(path).normalize();
        return file.startsWith(root) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    // Segments that cannot climb, hide or confuse: no "..", no empty parts, no dot files, no backslashes.
    private static boolean isSafe(String path) {
        if (path == null || path.isEmpty() || path.length() > 512) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (!SAFE_SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }
}
