package dev.atelier.model.openai.internal;

import java.util.Base64;

/** The answer bodies the images API documents, for the replayed API. */
final class ApiAnswers {

    private ApiAnswers() {}

    /** {@code POST /v1/images/generations} and {@code /edits} answer with the picture inlined. */
    static String b64Answer(byte[] picture) {
        return "{\"created\":1713833628,\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(picture)
                + "\"}],\"usage\":{\"total_tokens\":100,\"input_tokens\":50,\"output_tokens\":50,"
                + "\"input_tokens_details\":{\"text_tokens\":10,\"image_tokens\":40}}}";
    }

    /** The older shape (and some compatible services): a link to the picture. */
    static String urlAnswer(String url) {
        return "{\"created\":1713833628,\"data\":[{\"url\":\"" + url + "\",\"revised_prompt\":\"a lighthouse\"}]}";
    }

    static String error(String message, String type, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":"
                + (code == null ? "null" : "\"" + code + "\"") + "}}";
    }
}
