package dev.atelier.core.tenants.internal;

import dev.atelier.core.hash.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.core.secrets.SecretBox;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 over everything applying a tenant folder writes: the profile, the merged document, the hosts, keyed
 * fingerprints of the secret values (never the values: the digest is stored in the database), and every asset and
 * template with its path. Equal digests mean applying the folder again writes the same.
 */
final class FolderDigest {

    private FolderDigest() {}

    static String of(ReadFolder folder, String profile, SecretBox secrets) {
        MessageDigest sha = Sha256.digest();
        add(sha, "profile", profile);
        // Key order differs between tenant.yaml and an exported folder; the content does not.
        add(sha, "document", Documents.toJson(canonical(folder.document())));
        folder.hosts().keySet().stream().sorted().forEach(host -> add(sha, "host", host));
        folder.secrets().forEach((name, value) -> add(sha, "secret", name, secrets.fingerprint(value, name)));
        folder.assets().forEach((path, asset) -> {
            add(sha, "asset", path);
            add(sha, asset.bytes());
        });
        folder.templates().forEach((name, source) -> add(sha, "template", name, source));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = Documents.JSON.createObjectNode();
            Map<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue()));
            fields.forEach((key, value) -> sorted.set(key, canonical(value)));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode items = Documents.JSON.createArrayNode();
            node.forEach(item -> items.add(canonical(item)));
            return items;
        }
        return node;
    }

    private static void add(MessageDigest sha, String... texts) {
        for (String text : texts) {
            add(sha, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    // Length-prefixed, so no two different folders feed the same byte sequence.
    private static void add(MessageDigest sha, byte[] bytes) {
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        sha.update(bytes);
    }

}
