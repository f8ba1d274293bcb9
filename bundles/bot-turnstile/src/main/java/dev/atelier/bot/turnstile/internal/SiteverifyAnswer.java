package dev.atelier.bot.turnstile.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What siteverify answered: {@code success}, {@code error-codes}, and for a pass the {@code hostname}, {@code action}
 * and {@code challenge_ts} of the challenge.
 */
record SiteverifyAnswer(boolean success, List<String> errorCodes, String hostname, String action,
        Instant challengedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads siteverify's JSON.
     *
     * @throws IOException when the body is not siteverify's JSON object
     */
    static SiteverifyAnswer parse(String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        if (root == null || !root.isObject() || !root.path("success").isBoolean()) {
            throw new IOException("siteverify answered something else than its JSON object");
        }
        List<String> codes = new ArrayList<>();
        root.path("error-codes").forEach(code -> codes.add(code.asText()));
        return new SiteverifyAnswer(root.get("success").booleanValue(), List.copyOf(codes), text(root, "hostname"),
                text(root, "action"), instant(text(root, "challenge_ts")));
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() || node.asText().isEmpty() ? null : node.asText();
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            // The time is informative only: an unreadable one does not spoil a pass.
            return null;
        }
    }
}
