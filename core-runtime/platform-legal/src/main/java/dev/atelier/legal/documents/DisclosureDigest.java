package dev.atelier.legal.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A digest of what a document discloses (the tenant's facts and processors, not its effective date or its template's
 * wording): equal digests mean the same disclosures, whatever order maps were built in.
 */
final class DisclosureDigest {

    private DisclosureDigest() {}

    static String of(Map<String, Object> disclosed) {
        StringBuilder canonical = new StringBuilder();
        write(disclosed, canonical);
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(canonical.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    // Lengths before texts, so no value can imitate the structure around it.
    private static void write(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            new TreeMap<>(map).forEach((key, item) -> {
                text(key.toString(), out);
                write(item, out);
            });
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            list.forEach(item -> write(item, out));
            out.append(']');
        } else {
            text(String.valueOf(value), out);
        }
    }

    private static void text(String text, StringBuilder out) {
        out.append(text.length()).append(':').append(text);
    }
}
