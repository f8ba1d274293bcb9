package dev.atelier.web.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3.1 document of the JSON API: written by hand as YAML beside this class ({@code openapi.yaml}), so a
 * person can read and review it, and served as JSON. Read once; the document does not change while the platform runs.
 */
public final class OpenApiDocument {

    /** Where the YAML lies on the class path. */
    public static final String RESOURCE = "/dev/atelier/web/api/openapi/openapi.yaml";

    private final JsonNode tree;
    private final byte[] json;

    private OpenApiDocument(JsonNode tree, byte[] json) {
        this.tree = tree;
        this.json = json;
    }

    /** Reads the document from the class path. */
    public static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(in);
            return new OpenApiDocument(tree, new ObjectMapper().writeValueAsBytes(tree));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    /** The document as a tree, for instance to list its paths. */
    public JsonNode tree() {
        return tree.deepCopy();
    }

    /** The document as JSON. */
    public byte[] json() {
        return json.clone();
    }
}
