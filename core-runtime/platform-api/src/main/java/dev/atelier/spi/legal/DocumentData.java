package dev.atelier.spi.legal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a template may read: a tree of maps (text keys), lists, text, whole numbers and true/false, nothing else, so a
 * template can reach no Java object through it. Immutable; maps keep the order they were given in.
 *
 * <p>The host documents the keys it passes (tenant facts, the processors that receive personal data, the sections the
 * admin turned on) for template authors; a renderer exposes the tree as it is.
 */
public final class DocumentData {

    private final Map<String, Object> values;

    private DocumentData(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * A copy of {@code values}.
     *
     * @throws IllegalArgumentException when a value is {@code null} or anything but a {@link String}, {@link Boolean},
     *     {@link Integer}, {@link Long}, {@link List} or {@link Map} with {@link String} keys (at any depth)
     */
    public static DocumentData of(Map<String, ?> values) {
        return new DocumentData(copyMap(values, ""));
    }

    /** The top-level values: {@link String}, {@link Boolean}, {@link Long}, unmodifiable lists and maps. */
    public Map<String, Object> values() {
        return values;
    }

    private static Map<String, Object> copyMap(Map<?, ?> map, String path) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException("keys must be text, " + path + " has " + key);
            }
            copy.put(name, copy(value, path.isEmpty() ? name : path + "." + name));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object copy(Object value, String path) {
        if (value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof Integer number) {
            return number.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap(map, path);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                copy.add(copy(list.get(i), path + "[" + i + "]"));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(path + " must be text, a whole number, true/false, a list or a map, was "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DocumentData data && data.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "DocumentData" + values.keySet();
    }
}
