package dev.atelier.model.replicate.internal;

import dev.atelier.spi.model.CallbackMessage;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a webhook message as Replicate signs it (Standard Webhooks): HMAC-SHA256 with the secret's key over
 * {@code webhook-id.webhook-timestamp.body}, base64 in one of the space-separated {@code v1,<signature>} entries of
 * {@code webhook-signature}, and a timestamp at most five minutes from when the message arrived (old messages replayed
 * later are refused). Holds the key, never shows it.
 */
final class WebhookSignature {

    static final String SECRET_PREFIX = "whsec_";
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String HMAC = "HmacSHA256";

    /** Why a message was not believed; {@link #GENUINE} when it was. */
    enum Verdict {
        GENUINE("genuine"),
        MISSING_HEADERS("webhook-id, webhook-timestamp or webhook-signature is missing"),
        BAD_TIMESTAMP("webhook-timestamp is not a number of seconds"),
        OUTSIDE_TOLERANCE("webhook-timestamp is more than 5 minutes away from its arrival"),
        BAD_SIGNATURE("no webhook-signature matches");

        private final String problem;

        Verdict(String problem) {
            this.problem = problem;
        }

        String problem() {
            return problem;
        }
    }

    private final SecretKeySpec key;

    private WebhookSignature(byte[] key) {
        this.key = new SecretKeySpec(key, HMAC);
    }

    /** The signature of a {@code whsec_<base64>} secret (or of the bare base64); empty when the text is neither. */
    static Optional<WebhookSignature> ofSecret(String secret) {
        if (secret == null) {
            return Optional.empty();
        }
        String encoded = secret.strip();
        if (encoded.startsWith(SECRET_PREFIX)) {
            encoded = encoded.substring(SECRET_PREFIX.length());
        }
        try {
            byte[] key = Base64.getDecoder().decode(encoded);
            return key.length == 0 ? Optional.empty() : Optional.of(new WebhookSignature(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    Verdict check(CallbackMessage message) {
        Optional<String> id = message.header("webhook-id");
        Optional<String> timestamp = message.header("webhook-timestamp");
        Optional<String> signatures = message.header("webhook-signature");
        if (id.isEmpty() || timestamp.isEmpty() || signatures.isEmpty()) {
            return Verdict.MISSING_HEADERS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.get().strip());
        } catch (NumberFormatException e) {
            return Verdict.BAD_TIMESTAMP;
        }
        long skew = Math.abs(message.receivedAt().getEpochSecond() - seconds);
        if (skew > TOLERANCE.toSeconds()) {
            return Verdict.OUTSIDE_TOLERANCE;
        }
        byte[] expected = mac(id.get(), timestamp.get().strip(), message.body());
        for (String entry : signatures.get().strip().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return Verdict.GENUINE;
            }
        }
        return Verdict.BAD_SIGNATURE;
    }

    private byte[] mac(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is required of every Java platform.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[key hidden]";
    }
}
