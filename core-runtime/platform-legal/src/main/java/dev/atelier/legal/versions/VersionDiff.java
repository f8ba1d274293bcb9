package dev.atelier.legal.versions;

import java.util.List;

/**
 * What changed in a document's plain text between two versions, as a unified diff with three lines of context.
 *
 * @param document the document
 * @param from     the older side's version number
 * @param to       the newer side's version number
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

    /** Whether the two versions' texts are equal. */
    public boolean unchanged() {
        return lines.isEmpty();
    }
}
