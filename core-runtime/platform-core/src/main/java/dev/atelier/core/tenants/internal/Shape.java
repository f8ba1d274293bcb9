package dev.atelier.core.tenants.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.core.tenants.HiddenCharacters;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The allowed shape of a value in tenant.yaml; {@link #check} reports what does not fit. */
abstract class Shape {

    /** Receives one problem at a path. */
    interface Problems {
        void add(String path, String message);
    }

    /** Reports every mismatch of {@code node} (never null or missing) under {@code path}. */
    abstract void check(JsonNode node, String path, Problems problems);

    /** Reports required keys missing from {@code node} and its children. */
    void checkRequired(JsonNode node, String path, Problems problems) {}

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A text matching {@code valid}, with no control or invisible formatting characters. */
    static Shape text(Predicate<String> valid, String expected) {
        return new Shape() {
            @Override
            void check(JsonNode node, String path, Problems problems) {
                if (!node.isTextual()) {
                    problems.add(path, "must be " + expected + ", not " + describe(node));
                } else if (HiddenCharacters.problem(node.asText()).isPresent()) {
                    // Reported without echoing the text: the hidden characters would garble the message too.
                    problems.add(path, HiddenCharacters.problem(node.asText()).get());
                } else if (!valid.test(node.asText())) {
                    problems.add(path, "must be " + expected + ", was \"" + node.asText() + "\"");
                }
            }
        };
    }

    static Shape anyText() {
        return text(text -> true, "a text");
    }

    static Shape oneOf(String... values) {
        Set<String> allowed = Set.of(values);
        return text(allowed::contains, "one of " + String.join(", ", values));
    }

    static Shape integer(long min) {
        return integer(min, Long.MAX_VALUE);
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    static Shape integer(long min, long max) {
        return new Shape() {
            @Override
            void check(JsonNode node, String path, Problems problems) {
                if (!node.isIntegralNumber()) {
                    problems.add(path, "must be a whole number, not " + describe(node));
                } else if (!node.canConvertToLong() || node.asLong() > max) {
                    problems.add(path, "must be at most " + max + ", was " + node.asText());
                } else if (node.asLong() < min) {
                    problems.add(path, "must be at least " + min + ", was " + node.asLong());
                }
            }
        };
    }

    static Shape bool() {
        return new Shape() {
            @Override
            void check(JsonNode node, String path, Problems problems) {
                if (!node.isBoolean()) {
                    problems.add(path, "must be true or false, not " + describe(node));
                }
            }
        };
    }

    static Shape listOf(Shape item) {
        return new Shape() {
            @Override
            void check(JsonNode node, String path, Problems problems) {
                if (!node.isArray()) {
                    problems.add(path, "must be a list, not " + describe(node));
                    return;
                }
                for (int i = 0; i < node.size(); i++) {
                    if (node.get(i).isNull()) {
                        problems.add(path + "[" + i + "]", "must not be empty");
                    } else {
                        item.check(node.get(i), path + "[" + i + "]", problems);
                    }
                }
            }

            @Override
            void checkRequired(JsonNode node, String path, Problems problems) {
                if (node.isArray()) {
                    for (int i = 0; i < node.size(); i++) {
                        item.checkRequired(node.get(i), path + "[" + i + "]", problems);
                    }
                }
            }
        };
    }

    /** A map of text, number or boolean values under any keys (a plugin's own settings). */
    static Shape scalarMap() {
        return new Shape() {
            @Override
            void check(JsonNode node, String path, Problems problems) {
                if (!node.isObject()) {
                    problems.add(path, "must be a map of settings, not " + describe(node));
                    return;
                }
                node.fields().forEachRemaining(field -> {
                    if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                        problems.add(child(path, field.getKey()), "must be a text, a number or true/false, not "
                                + describe(field.getValue()));
                    }
                });
            }
        };
    }

    /** A map of texts whose keys match {@code key}; which keys exist is checked where they are known. */
    static Shape textMap(java.util.regex.Pattern key, String expected) {
        Shape value = anyText();
        return new Shape() {
            @Override
            void check(JsonNode node, String path, Problems problems) {
                if (!node.isObject()) {
                    problems.add(path, "must be a map of texts, not " + describe(node));
                    return;
                }
                node.fields().forEachRemaining(field -> {
                    String at = child(path, field.getKey());
                    if (!key.matcher(field.getKey()).matches()) {
                        problems.add(at, "must be " + expected + ", was \"" + field.getKey() + "\"");
                    } else {
                        value.check(field.getValue(), at, problems);
                    }
                });
            }
        };
    }

    /** Builder of a map with known keys; any other key is an error. */
    static Fields fields() {
        return new Fields();
    }

    static final class Fields extends Shape {
        private final Map<String, Shape> shapes = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();
        private final Set<String> nullable = new java.util.HashSet<>();

        Fields optional(String key, Shape shape) {
            shapes.put(key, shape);
            return this;
        }

        Fields required(String key, Shape shape) {
            required.add(key);
            return optional(key, shape);
        }

        /** A key that may be set to null on purpose (to turn something off in an overlay). */
        Fields nullable(String key, Shape shape) {
            nullable.add(key);
            return optional(key, shape);
        }

        @Override
        void check(JsonNode node, String path, Problems problems) {
            if (!node.isObject()) {
                problems.add(path, "must be a map, not " + describe(node));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Shape shape = shapes.get(field.getKey());
                String at = child(path, field.getKey());
                if (shape == null) {
                    problems.add(at, "unknown key; allowed here: " + String.join(", ", shapes.keySet()));
                } else if (!field.getValue().isNull()) {
                    shape.check(field.getValue(), at, problems);
                }
            }
        }

        @Override
        void checkRequired(JsonNode node, String path, Problems problems) {
            if (!node.isObject()) {
                return;
            }
            for (String key : required) {
                JsonNode value = node.get(key);
                if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
                    problems.add(child(path, key), "is required");
                }
            }
            shapes.forEach((key, shape) -> {
                JsonNode value = node.get(key);
                if (value != null && !value.isNull()) {
                    shape.checkRequired(value, child(path, key), problems);
                }
            });
        }
    }

    static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "the text \"" + node.asText() + "\"";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a map";
        }
        return "nothing";
    }
}
