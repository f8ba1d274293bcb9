package dev.atelier.payment.sandbox.internal;

import dev.atelier.spi.plugin.WebhookMessage;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks webhooks as Standard Webhooks does: HMAC-SHA256 over {@code webhook-id.webhook-timestamp.body},
 * base64 in one of the space-separated {@code v1,<signature>} entries of {@code webhook-signature}, and a timestamp at
 * most five minutes from the message's arrival, so a message replayed later is refused. Holds the key, never shows
 * it.
 */
final class WebhookSignature {

    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String HMAC = "HmacSHA256";

    private final byte[] key;

    WebhookSignature(byte[] key) {
        this.key = key.clone();
    }

    /** The {@code webhook-signature} value of a message with this id, time and body. */
    String sign(String id, Instant sentAt, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(mac(id, Long.toString(sentAt.getEpochSecond()), body));
    }

    /** Why {@code message} is not believed, or empty when it is genuine. */
    Optional<String> problem(WebhookMessage message) {
        Optional<String> id = message.header(ID);
        Optional<String> timestamp = message.header(TIMESTAMP);
        Optional<String> signatures = message.header(SIGNATURE);
        if (id.isEmpty() || timestamp.isEmpty() || signatures.isEmpty()) {
            return Optional.of("webhook-id, webhook-timestamp or webhook-signature is missing");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.get().strip());
        } catch (NumberFormatException e) {
            return Optional.of("webhook-timestamp is not a number of seconds");
        }
        if (Math.abs(message.receivedAt().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return Optional.of("webhook-timestamp is more than 5 minutes away from the message's arrival");
        }
        byte[] expected = mac(id.get(), timestamp.get().strip(), message.body());
        for (String entry : signatures.get().strip().split(" +")) {
            if (entry.startsWith("v1,") && MessageDigest.isEqual(expected, decoded(entry.substring(3)))) {
                return Optional.empty();
            }
        }
        return Optional.of("no webhook-signature matches");
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is required of every Java platform.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private byte[] mac(String id, String timestamp, byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return hmac(key, signed);
    }

    /** The bytes of a base64 signature; none (matching nothing) when it is not base64. */
    private static byte[] decoded(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[key hidden]";
    }
}
