package dev.atelier.payment.stripe.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentEvent;
import dev.atelier.spi.payment.PaymentEvent.PaymentFailed;
import dev.atelier.spi.payment.PaymentEvent.PaymentSucceeded;
import dev.atelier.spi.payment.PaymentEvent.Period;
import dev.atelier.spi.payment.PaymentEvent.Refunded;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionCanceled;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionChanged;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionStarted;
import dev.atelier.spi.payment.PendingReference;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reconciler's questions: Stripe's state of a checkout, subscription or refund, as its webhooks would tell. */
class StripeLookupsTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Instant NOW = Instant.parse("2026-12-10T12:00:00Z");
    private static final Offer PLAN = new Offer("creator", "Creator plan", Offer.Interval.MONTH, 1900, "usd", 800,
            null);
    private static final Period FIRST = new Period(Instant.ofEpochSecond(StripeApiStubs.PERIOD_START),
            Instant.ofEpochSecond(StripeApiStubs.PERIOD_END));

    private final StripeApiStubs api = new StripeApiStubs(server);
    private final StripePayments stripe = new StripePayments(Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void replayStripe() {
        api.replayStripe();
    }

    @Test
    void aPaidTopUpWhoseWebhookNeverCameIsPaidAsTheWebhookWouldHaveSaid() throws Exception {
        stubSession("cs_test_chk_lost", StripeApiStubs.session("chk_lost", "complete", "paid")
                .replace("\"payment_intent\":null", "\"payment_intent\":\"pi_1Qlost\""));

        List<PaymentEvent> events = lookUp(PendingReference.Kind.CHECKOUT, "cs_test_chk_lost", "chk_lost");

        assertThat(events).containsExactly(new PaymentSucceeded("lookup:cs_test_chk_lost:paid",
                Instant.ofEpochSecond(1_795_996_000L), "chk_lost", StripeApiStubs.CUSTOMER, "pi_1Qlost", 500, "usd",
                "pack-500", null, null));
    }

    @Test
    void aCompletedPlanCheckoutStartsTheSubscriptionAndPaysItsFirstPeriod() throws Exception {
        String subscription = StripeApiStubs.subscription("sub_1Qlost", "active", false)
                .replace("\"latest_invoice\":\"in_first_sub_1Qlost\"", "\"latest_invoice\":" + StripeVendor.invoice(
                        "in_1Qlost", "paid", "subscription_create", StripeApiStubs.CUSTOMER, "sub_1Qlost",
                        "chk_plan_lost", PLAN, FIRST, 1_796_083_300L).strip());
        stubSession("cs_test_chk_plan_lost", StripeApiStubs.session("chk_plan_lost", "complete", "paid")
                .replace("\"mode\":\"payment\"", "\"mode\":\"subscription\"")
                .replace("\"atelier_offer_id\":\"pack-500\"", "\"atelier_offer_id\":\"creator\"")
                .replace("\"subscription\":null", "\"subscription\":" + subscription.strip()));

        List<PaymentEvent> events = lookUp(PendingReference.Kind.CHECKOUT, "cs_test_chk_plan_lost", "chk_plan_lost");

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(new SubscriptionStarted("lookup:cs_test_chk_plan_lost:paid",
                Instant.ofEpochSecond(1_795_996_000L), "chk_plan_lost", StripeApiStubs.CUSTOMER, "sub_1Qlost",
                "creator", FIRST));
        PaymentSucceeded paid = (PaymentSucceeded) events.get(1);
        assertThat(paid.eventId()).isEqualTo("lookup:in_1Qlost:paid");
        assertThat(paid.period()).isEqualTo(FIRST);
        assertThat(paid.providerSubscriptionId()).isEqualTo("sub_1Qlost");
        assertThat(paid.providerPaymentId()).isEqualTo("pi_in_1Qlost");
        server.verify(getRequestedFor(urlPathEqualTo("/v1/checkout/sessions/cs_test_chk_plan_lost"))
                .withQueryParam("expand[0]", equalTo("subscription.latest_invoice.payments")));
    }

    @Test
    void anExpiredCheckoutFailed() throws Exception {
        stubSession("cs_test_chk_expired", StripeApiStubs.session("chk_expired", "expired", "unpaid"));

        List<PaymentEvent> events = lookUp(PendingReference.Kind.CHECKOUT, "cs_test_chk_expired", "chk_expired");

        assertThat(events).singleElement().isInstanceOfSatisfying(PaymentFailed.class, failed -> {
            assertThat(failed.checkoutId()).isEqualTo("chk_expired");
            assertThat(failed.eventId()).isEqualTo("lookup:cs_test_chk_expired:expired");
        });
    }

    @Test
    void aSubscriptionLooksUpToItsCurrentStateOrItsEnd() throws Exception {
        List<PaymentEvent> active = lookUp(PendingReference.Kind.SUBSCRIPTION, "sub_1Qactive", "sub_host_1");
        server.stubFor(get(urlPathEqualTo("/v1/subscriptions/sub_1Qended")).atPriority(1)
                .willReturn(StripeApiStubs.json(StripeApiStubs.subscription("sub_1Qended", "canceled", false)
                        .replace("\"ended_at\":null", "\"ended_at\":1796500000"))));
        List<PaymentEvent> ended = lookUp(PendingReference.Kind.SUBSCRIPTION, "sub_1Qended", "sub_host_2");

        assertThat(active).containsExactly(new SubscriptionChanged("lookup:sub_1Qactive:active:"
                + StripeApiStubs.PERIOD_END, NOW, StripeApiStubs.CUSTOMER, "sub_1Qactive", "creator", FIRST, false));
        assertThat(ended).containsExactly(new SubscriptionCanceled("lookup:sub_1Qended:canceled", NOW,
                StripeApiStubs.CUSTOMER, "sub_1Qended", Instant.ofEpochSecond(1_796_500_000L)));
    }

    @Test
    void aRefundThatSucceededSinceIsRefundedUnderTheHostsId() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v1/refunds/re_1Qslow")).willReturn(StripeApiStubs.json(
                StripeApiStubs.refund("re_1Qslow", "pi_1Qpaid", "rfd_slow", 250, "succeeded"))));
        server.stubFor(get(urlPathEqualTo("/v1/refunds/re_1Qstill")).willReturn(StripeApiStubs.json(
                StripeApiStubs.refund("re_1Qstill", "pi_1Qpaid", "rfd_still", 250, "pending"))));

        List<PaymentEvent> done = lookUp(PendingReference.Kind.REFUND, "re_1Qslow", "rfd_slow");

        assertThat(done).singleElement().isInstanceOfSatisfying(Refunded.class, refunded -> {
            assertThat(refunded.refundId()).isEqualTo("rfd_slow");
            assertThat(refunded.providerPaymentId()).isEqualTo("pi_1Qpaid");
            assertThat(refunded.amountMinor()).isEqualTo(250);
        });
        assertThat(lookUp(PendingReference.Kind.REFUND, "re_1Qstill", "rfd_still")).isEmpty();
    }

    private void stubSession(String id, String body) {
        server.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + id)).atPriority(1)
                .willReturn(StripeApiStubs.json(body)));
    }

    private List<PaymentEvent> lookUp(PendingReference.Kind kind, String providerId, String hostId) throws Exception {
        return stripe.lookUp(new PendingReference(kind, providerId, hostId), api.tenant());
    }
}
