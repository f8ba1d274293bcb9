package dev.atelier.legal.versions;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.List;

/**
 * What changed in a document's plain text between two versions, as a unified diff with three lines of context.
 *
 * @param document the document
 * @param from     the older side's version number
 * @param to       the newer side's version number, 0 for a draft not published
 * @param lines    the diff's lines after its file headers, empty when the texts are equal
 */
public record VersionDiff(String document, int from, int to, List<Line> lines) {

    public VersionDiff {
        lines = List.copyOf(lines);
    }

    /** One line of the diff: a hunk header, or a line kept, removed or added (without its +/-/space marker). */
    public record Line(Kind kind, String text) {}

    /** What a diff line is. */
    public enum Kind { HUNK, SAME, REMOVED, ADDED }

    /** The unified diff, three lines of context, from {@code before} (version {@code from}) to {@code after}. */
    static VersionDiff of(String document, int from, String before, int to, String after) {
        List<String> older = before.lines().toList();
        List<String> newer = after.lines().toList();
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("v" + from, "v" + to, older,
                DiffUtils.diff(older, newer), 3);
        List<Line> lines = new ArrayList<>();
        // The first two lines name the sides (--- v1, +++ v2); the page says that itself.
        for (String line : unified.subList(Math.min(2, unified.size()), unified.size())) {
            lines.add(line(line));
        }
        return new VersionDiff(document, from, to, lines);
    }

    private static Line line(String line) {
        if (line.startsWith("@@")) {
            return new Line(Kind.HUNK, line);
        }
        String text = line.isEmpty() ? "" : line.substring(1);
        return switch (line.isEmpty() ? ' ' : line.charAt(0)) {
            case '-' -> new Line(Kind.REMOVED, text);
            case '+' -> new Line(Kind.ADDED, text);
            default -> new Line(Kind.SAME, text);
        };
    }

    /** The lines removed and added, in order, without the kept ones and hunk headers. */
    public List<Line> changes() {
        return lines.stream().filter(line -> line.kind() == Kind.REMOVED || line.kind() == Kind.ADDED).toList();
    }

    /** Whether the two versions' texts are equal. */
    public boolean unchanged() {
        return lines.isEmpty();
    }
}
