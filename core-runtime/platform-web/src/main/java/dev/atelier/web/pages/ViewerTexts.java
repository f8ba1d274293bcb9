package dev.atelier.web.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A signed-in viewer's part of a page's data ({@link VisitorModel}) split in two: the texts that differ from one user
 * to the next (their id, name, email and CSRF token), spliced into a shared rendering ({@link SplicedPage}), and the
 * rest, which decides what that rendering looks like (admin or not, email confirmed or not, legal banners, flash).
 * Users with the same rest share one rendering of a page.
 *
 * @param shape the viewer's data with each text replaced by whether it is there: part of the shared rendering's key
 * @param values the texts by index ({@link #TEXTS}); an empty string for one that is missing (never spliced in)
 */
record ViewerTexts(Map<String, Object> shape, List<String> values) {

    /** The texts of {@code user} spliced in, in index order; then {@code csrf}. */
    static final List<String> USER_TEXTS = List.of("id", "displayName", "email");
    static final int TEXTS = USER_TEXTS.size() + 1;

    /** The split of a signed-in viewer's data; null when it holds no {@code user} map (a signed-out visitor). */
    static ViewerTexts of(Map<String, Object> visitor) {
        if (!(visitor.get("user") instanceof Map<?, ?> user)) {
            return null;
        }
        List<String> values = new ArrayList<>(TEXTS);
        Map<String, Object> userShape = new HashMap<>();
        user.forEach((name, value) -> userShape.put(String.valueOf(name), value));
        for (String name : USER_TEXTS) {
            Object value = user.get(name);
            values.add(value instanceof String text ? text : "");
            userShape.put(name, value instanceof String);
        }
        Object csrf = visitor.get("csrf");
        values.add(csrf instanceof String text ? text : "");
        Map<String, Object> shape = new HashMap<>(visitor);
        shape.put("user", userShape);
        shape.put("csrf", csrf instanceof String);
        return new ViewerTexts(Map.copyOf(withoutNulls(shape)), List.copyOf(values));
    }

    /** {@code visitor} with {@code markers} (by text index) in place of the texts that are there. */
    static Map<String, Object> marked(Map<String, Object> visitor, List<String> markers) {
        Map<String, Object> marked = new HashMap<>(visitor);
        Map<String, Object> user = new HashMap<>();
        ((Map<?, ?>) visitor.get("user")).forEach((name, value) -> user.put(String.valueOf(name), value));
        for (int i = 0; i < USER_TEXTS.size(); i++) {
            if (user.get(USER_TEXTS.get(i)) instanceof String) {
                user.put(USER_TEXTS.get(i), markers.get(i));
            }
        }
        marked.put("user", user);
        if (visitor.get("csrf") instanceof String) {
            marked.put("csrf", markers.get(USER_TEXTS.size()));
        }
        return marked;
    }

    /**
     * Two sets of markers that a template cannot treat alike without it showing: different lengths, first letters of
     * different case, a space (which URL escaping changes) and a backslash (which JavaScript and JSON escaping
     * change); letters, digits, spaces and backslashes only, so HTML escaping leaves them as they are.
     */
    static List<List<String>> markers() {
        String nonce = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
        List<String> first = new ArrayList<>(TEXTS);
        List<String> second = new ArrayList<>(TEXTS);
        for (int i = 0; i < TEXTS; i++) {
            first.add("q" + nonce + "t" + i + " \\m");
            second.add("W" + nonce + "uu" + i + " \\nnn");
        }
        return List.of(first, second);
    }

    // Map.copyOf refuses null values; a missing entry and a null one look the same to a template anyway.
    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        map.values().removeIf(java.util.Objects::isNull);
        return map;
    }
}
