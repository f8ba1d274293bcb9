package dev.atelier.web.legal;

import dev.atelier.legal.versions.VersionDiff;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version diff as page data: one entry per line, with its {@code kind} (hunk, same, removed, added) and {@code text}.
 */
public final class DiffLines {

    private DiffLines() {}

    private static final Pattern HUNK = Pattern.compile("@@ -\\d+(?:,\\d+)? \\+(\\d+).*");

    public static List<Map<String, String>> of(VersionDiff diff) {
        return diff.lines().stream().map(line -> Map.of("kind", line.kind().name().toLowerCase(Locale.ROOT),
                "text", line.kind() == VersionDiff.Kind.HUNK ? hunk(line.text()) : line.text())).toList();
    }

    // "@@ -12,7 +12,8 @@" says where the changed part starts in the newer version; people read "From line 12".
    private static String hunk(String header) {
        Matcher start = HUNK.matcher(header);
        return start.matches() ? "From line " + start.group(1) : header;
    }
}
