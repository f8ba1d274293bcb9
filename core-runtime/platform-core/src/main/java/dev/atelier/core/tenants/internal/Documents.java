package dev.atelier.core.tenants.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;

/** Reading, merging and writing tenant documents (the tree of tenant.yaml). */
final class Documents {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            // DuplicateKeys reports both lines first; this keeps any other reader from settling a duplicate silently.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private Documents() {}

    /**
     * Merges {@code overlay} over {@code base} (neither changed): maps merge key by key, recursively; lists and
     * scalars are replaced whole; a map holding the key {@code plugin} is replaced whole, so switching plugins drops
     * the old plugin's settings.
     */
    static ObjectNode merge(ObjectNode base, ObjectNode overlay) {
        ObjectNode merged = base.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode current = merged.get(field.getKey());
            JsonNode value = field.getValue();
            if (current instanceof ObjectNode currentMap && value instanceof ObjectNode valueMap
                    && !valueMap.has("plugin")) {
                merged.set(field.getKey(), merge(currentMap, valueMap));
            } else {
                merged.set(field.getKey(), value.deepCopy());
            }
        }
        return merged;
    }

    /** Visits every text value with its path. */
    static void texts(JsonNode node, String path, BiConsumer<String, String> visitor) {
        if (node.isTextual()) {
            visitor.accept(path, node.asText());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                texts(node.get(i), path + "[" + i + "]", visitor);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> texts(f.getValue(), Shape.child(path, f.getKey()), visitor));
        }
    }

    /** The node at a dotted path with list indexes, or null. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            String key = part;
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                key = part.substring(0, bracket);
            }
            node = node == null ? null : node.get(key);
            while (bracket >= 0 && node != null) {
                int close = part.indexOf(']', bracket);
                node = node.get(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return node;
    }

    static String toJson(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode fromJson(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
