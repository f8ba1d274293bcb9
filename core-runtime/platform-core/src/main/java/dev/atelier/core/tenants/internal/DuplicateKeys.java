package dev.atelier.core.tenants.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds keys written twice in one map of a tenant document. A YAML parser keeps the later value silently, so a
 * reviewer reading the first one would be misled about what is applied; both lines are reported instead.
 */
final class DuplicateKeys {

    /** A key met twice in one map: its dotted path and the lines of both occurrences (1-based). */
    record Duplicate(String path, int firstLine, int secondLine) {

        String message() {
            return "is written twice in the same map, at lines " + firstLine + " and " + secondLine
                    + "; keep one of them";
        }
    }

    private DuplicateKeys() {}

    /** Every duplicate key of {@code file}, in document order; throws what the parser throws for invalid YAML. */
    static List<Duplicate> in(Path file) throws IOException {
        List<Duplicate> duplicates = new ArrayList<>();
        Deque<Level> levels = new ArrayDeque<>();
        try (JsonParser parser = Documents.YAML.getFactory().createParser(file.toFile())) {
            // This scan reports the duplicates itself, with both lines; the parser's own check names only the second.
            parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                Level parent = levels.peek();
                if (token == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int line = parser.currentTokenLocation().getLineNr();
                    Integer first = parent.lines.putIfAbsent(key, line);
                    if (first != null) {
                        duplicates.add(new Duplicate(Shape.child(parent.path, key), first, line));
                    }
                    parent.key = key;
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    levels.pop();
                    continue;
                }
                String path = parent == null ? "" : parent.childPath();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    levels.push(new Level(path, token == JsonToken.START_ARRAY));
                }
            }
        }
        return duplicates;
    }

    /** One open map or list, with the keys seen in it so far. */
    private static final class Level {
        final String path;
        final boolean list;
        final Map<String, Integer> lines = new HashMap<>();
        String key;
        int index = -1;

        Level(String path, boolean list) {
            this.path = path;
            this.list = list;
        }

        // Called once per value directly inside this level.
        String childPath() {
            if (list) {
                index++;
                return path + "[" + index + "]";
            }
            return Shape.child(path, key);
        }
    }
}
