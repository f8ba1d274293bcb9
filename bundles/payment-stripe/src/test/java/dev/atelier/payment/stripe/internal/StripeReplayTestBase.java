package dev.atelier.payment.stripe.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.atelier.spi.payment.PaymentEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of the bundle against Stripe's API replayed by the subclass's WireMock server (a {@code static}
 * {@code @RegisterExtension} field, handed to the constructor): every endpoint answers as Stripe would before each
 * test, and webhook deliveries are signed with the tenant's endpoint secret.
 */
abstract class StripeReplayTestBase {

    /** When {@link #parse} says its events were created. */
    static final long EVENT_CREATED = 1_796_100_000L;

    protected final StripeApiStubs api;
    protected final StripePayments stripe = new StripePayments();
    private final StripeVendor vendor = new StripeVendor(StripeApiStubs.WEBHOOK_SECRET);

    protected StripeReplayTestBase(WireMockExtension server) {
        this.api = new StripeApiStubs(server);
    }

    @BeforeEach
    protected void replayStripe() {
        api.replayStripe();
    }

    /** The events the bundle reads from a delivery of {@code object} as Stripe's event {@code id} of {@code type}. */
    protected List<PaymentEvent> parse(String type, String id, String object) throws Exception {
        return parse(StripeVendor.event(type, id, EVENT_CREATED, object));
    }

    /** The events the bundle reads from {@code body} delivered with a valid signature. */
    protected List<PaymentEvent> parse(String body) throws Exception {
        return stripe.parseWebhook(vendor.signed(body, Instant.now()), api.tenant());
    }

    /**
     * A form POST to Stripe's {@code path} with each field of {@code fields} — one {@code name=value} a line, as
     * Stripe's reference writes them — among the fields it sent.
     */
    static RequestPatternBuilder posted(String path, String fields) {
        RequestPatternBuilder request = postRequestedFor(urlPathEqualTo(path));
        fields.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
            int equals = line.indexOf('=');
            request.withFormParam(line.substring(0, equals), equalTo(line.substring(equals + 1)));
        });
        return request;
    }
}
