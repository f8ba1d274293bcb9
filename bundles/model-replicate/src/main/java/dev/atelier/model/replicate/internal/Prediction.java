package dev.atelier.model.replicate.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Iterator;
import java.util.Optional;

/**
 * One prediction as the API returns it: {@code id}, {@code status} ({@code starting}, {@code processing},
 * {@code succeeded}, {@code failed}, {@code canceled} or {@code aborted}), {@code output} (a URL, a list of URLs, or an
 * object holding them), {@code error}, {@code logs} and {@code urls.get} / {@code urls.cancel}.
 */
record Prediction(String id, String status, JsonNode output, String error, String logs, URI getUrl, URI cancelUrl) {

    static Prediction of(JsonNode json) {
        JsonNode urls = json.path("urls");
        return new Prediction(
                text(json, "id"), text(json, "status"), json.get("output"), text(json, "error"), text(json, "logs"),
                uri(urls, "get"), uri(urls, "cancel"));
    }

    boolean isFinal() {
        return "succeeded".equals(status) || "failed".equals(status) || "canceled".equals(status)
                || "aborted".equals(status);
    }

    /** How far along the status is (0 starting or unknown, 1 processing, 2 final): a later message never goes back. */
    int stage() {
        return isFinal() ? 2 : isProcessing() ? 1 : 0;
    }

    boolean isProcessing() {
        return "processing".equals(status);
    }

    /** The first output URL: the output itself, the first of a list, or the first URL inside an object. */
    Optional<URI> firstOutputUrl() {
        return firstUrl(output);
    }

    private static Optional<URI> firstUrl(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return url(node.asText());
        }
        if (node.isContainerNode()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                Optional<URI> found = firstUrl(it.next());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<URI> url(String text) {
        try {
            URI uri = URI.create(text.trim());
            return "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())
                    ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
    }

    private static URI uri(JsonNode json, String field) {
        String text = text(json, field);
        return text == null ? null : url(text).orElse(null);
    }
}
