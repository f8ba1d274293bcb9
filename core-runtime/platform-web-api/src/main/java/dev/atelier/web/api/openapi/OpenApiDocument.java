package dev.atelier.web.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.atelier.core.lazy.Lazy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3.1 document of the JSON API: written by hand as YAML beside this class ({@code openapi.yaml}), so a
 * person can read and review it, and served as JSON. Read once, when first asked for: the document does not change
 * while the platform runs, and parsing it (YAML, in a fresh JVM) took about 40 ms of every start for a document most
 * starts never serve.
 */
public final class OpenApiDocument {

    /** Where the YAML lies on the class path. */
    public static final String RESOURCE = "/dev/atelier/web/api/openapi/openapi.yaml";

    private final Lazy<Parsed> parsed = Lazy.of(OpenApiDocument::read);

    private OpenApiDocument() {
    }

    /** The document on the class path; it is read at the first {@link #tree} or {@link #json}. */
    public static OpenApiDocument load() {
        return new OpenApiDocument();
    }

    /** The document as a tree, for instance to list its paths. */
    public JsonNode tree() {
        return parsed.get().tree().deepCopy();
    }

    /** The document as JSON. */
    public byte[] json() {
        return parsed.get().json().clone();
    }

    private static Parsed read() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(in);
            return new Parsed(tree, new ObjectMapper().writeValueAsBytes(tree));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    private record Parsed(JsonNode tree, byte[] json) {}
}
