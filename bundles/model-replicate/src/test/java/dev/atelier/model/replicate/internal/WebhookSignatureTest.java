package dev.atelier.model.replicate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.model.replicate.internal.WebhookSignature.Verdict;
import dev.atelier.spi.model.CallbackMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Webhook signatures as the Standard Webhooks specification publishes its example, which Replicate follows. */
class WebhookSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final Instant SENT = Instant.ofEpochSecond(1614265330);
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private final WebhookSignature signature = WebhookSignature.ofSecret(SECRET).orElseThrow();

    @Test
    void acceptsThePublishedExample() {
        assertThat(signature.check(message(headers(SIGNATURE), BODY, SENT.plusSeconds(2)))).isEqualTo(Verdict.GENUINE);
    }

    @Test
    void acceptsWhenAnyListedV1SignatureMatches() {
        String list = "v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= v1,bm90IHRoaXMgb25l " + SIGNATURE;

        assertThat(signature.check(message(headers(list), BODY, SENT))).isEqualTo(Verdict.GENUINE);
    }

    @Test
    void refusesAChangedBodyOrAnotherSecret() {
        assertThat(signature.check(message(headers(SIGNATURE), "{\"test\": 2432232315}", SENT)))
                .isEqualTo(Verdict.BAD_SIGNATURE);
        WebhookSignature other = WebhookSignature.ofSecret(ReplicateApiStubs.WEBHOOK_SECRET).orElseThrow();
        assertThat(other.check(message(headers(SIGNATURE), BODY, SENT))).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void refusesAMessageSignedMoreThanFiveMinutesFromItsArrival() {
        assertThat(signature.check(message(headers(SIGNATURE), BODY, SENT.plusSeconds(301))))
                .isEqualTo(Verdict.OUTSIDE_TOLERANCE);
        assertThat(signature.check(message(headers(SIGNATURE), BODY, SENT.minusSeconds(301))))
                .isEqualTo(Verdict.OUTSIDE_TOLERANCE);
    }

    @Test
    void refusesAMessageWithoutTheThreeHeaders() {
        Map<String, String> headers = headers(SIGNATURE);
        headers.remove("webhook-id");

        assertThat(signature.check(message(headers, BODY, SENT))).isEqualTo(Verdict.MISSING_HEADERS);
    }

    @Test
    void readsOnlySecretsThatAreBase64() {
        assertThat(WebhookSignature.ofSecret("whsec_not base64!")).isEmpty();
        assertThat(WebhookSignature.ofSecret("whsec_")).isEmpty();
        assertThat(WebhookSignature.ofSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isPresent();
        assertThat(signature.toString()).doesNotContain("MfKQ9r8G");
    }

    private static Map<String, String> headers(String signatures) {
        Map<String, String> headers = new HashMap<>();
        headers.put("webhook-id", ID);
        headers.put("webhook-timestamp", Long.toString(SENT.getEpochSecond()));
        headers.put("webhook-signature", signatures);
        return headers;
    }

    private static CallbackMessage message(Map<String, String> headers, String body, Instant receivedAt) {
        return new CallbackMessage(headers, body.getBytes(StandardCharsets.UTF_8), receivedAt);
    }
}
