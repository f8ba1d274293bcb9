package dev.atelier.web.legal;

import dev.atelier.legal.versions.VersionDiff;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A version diff as page data: one entry per line, with its {@code kind} (hunk, same, removed, added) and {@code text}.
 */
public final class DiffLines {

    private DiffLines() {}

    public static List<Map<String, String>> of(VersionDiff diff) {
        return diff.lines().stream().map(line -> Map.of("kind", line.kind().name().toLowerCase(Locale.ROOT),
                "text", line.text())).toList();
    }
}
