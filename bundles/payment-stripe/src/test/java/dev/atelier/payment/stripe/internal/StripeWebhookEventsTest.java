package dev.atelier.payment.stripe.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.atelier.spi.payment.InvalidWebhookException;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentEvent;
import dev.atelier.spi.payment.PaymentEvent.PaymentSucceeded;
import dev.atelier.spi.payment.PaymentEvent.Period;
import dev.atelier.spi.payment.PaymentEvent.Refunded;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionCanceled;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionChanged;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stripe's webhooks the contract does not cover: refunds, subscription changes, renewals, other API versions. */
class StripeWebhookEventsTest extends StripeReplayTestBase {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Offer PLAN = new Offer("creator", "Creator plan", Offer.Interval.MONTH, 1900, "usd", 800,
            null);
    private static final Period FIRST = new Period(Instant.ofEpochSecond(StripeApiStubs.PERIOD_START),
            Instant.ofEpochSecond(StripeApiStubs.PERIOD_END));

    StripeWebhookEventsTest() {
        super(server);
    }

    @Test
    void aRefundedChargeIsOneRefundPerRefundThatWentThroughNamingTheHostsRefund() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v1/refunds")).withQueryParam("charge", equalTo("ch_1Qpaid"))
                .willReturn(StripeApiStubs.json("{\"object\":\"list\",\"data\":["
                        + StripeApiStubs.refund("re_1Qfirst", "pi_1Qpaid", "rfd_1", 200, "succeeded") + ","
                        + StripeApiStubs.refund("re_1Qfailed", "pi_1Qpaid", "rfd_2", 100, "failed") + ","
                        + StripeApiStubs.refund("re_1Qdashboard", "pi_1Qpaid", "", 50, "succeeded")
                                .replace("{\"atelier_refund_id\":\"\"}", "{}")
                        + "],\"has_more\":false,\"url\":\"/v1/refunds\"}")));

        List<PaymentEvent> events = parse("charge.refunded", "evt_1Qrefunded", charge());

        assertThat(events).containsExactly(
                new Refunded("evt_1Qrefunded:re_1Qfirst", Instant.ofEpochSecond(1_796_000_000L),
                        StripeApiStubs.CUSTOMER, "pi_1Qpaid", "re_1Qfirst", "rfd_1", 200, "usd"),
                new Refunded("evt_1Qrefunded:re_1Qdashboard", Instant.ofEpochSecond(1_796_000_000L),
                        StripeApiStubs.CUSTOMER, "pi_1Qpaid", "re_1Qdashboard", null, 50, "usd"));
    }

    @Test
    void aSubscriptionSetToCancelAtPeriodEndIsAChangeOfItsPlanAndPeriod() throws Exception {
        List<PaymentEvent> events = parse("customer.subscription.updated", "evt_1Qupdated",
                StripeApiStubs.subscription("sub_1Qcreator", "active", true));

        assertThat(events).containsExactly(new SubscriptionChanged("evt_1Qupdated",
                Instant.ofEpochSecond(1_796_100_000L), StripeApiStubs.CUSTOMER, "sub_1Qcreator", "creator", FIRST,
                true));
    }

    @Test
    void aDeletedSubscriptionIsCanceledWhenItEnded() throws Exception {
        String deleted = StripeApiStubs.subscription("sub_1Qcreator", "canceled", false)
                .replace("\"ended_at\":null", "\"ended_at\":1796050000");

        List<PaymentEvent> events = parse("customer.subscription.deleted", "evt_1Qdeleted", deleted);

        assertThat(events).containsExactly(new SubscriptionCanceled("evt_1Qdeleted",
                Instant.ofEpochSecond(1_796_100_000L), StripeApiStubs.CUSTOMER, "sub_1Qcreator",
                Instant.ofEpochSecond(1_796_050_000L)));
    }

    @Test
    void onlyTheFirstInvoiceEchoesTheCheckoutAndEachNamesItsOwnPaymentIntent() throws Exception {
        PaymentSucceeded first = (PaymentSucceeded) parse("invoice.paid", "evt_1Qfirst", StripeVendor.invoice(
                "in_1Qfirst", "paid", "subscription_create", StripeApiStubs.CUSTOMER, "sub_1Qcreator", "chk_plan_1",
                PLAN, FIRST, 1_796_000_000L)).get(0);
        Period next = new Period(FIRST.end(), FIRST.end().plusSeconds(31 * 86_400L));
        PaymentSucceeded renewal = (PaymentSucceeded) parse("invoice.paid", "evt_1Qrenewal", StripeVendor.invoice(
                "in_1Qrenewal", "paid", "subscription_cycle", StripeApiStubs.CUSTOMER, "sub_1Qcreator",
                "chk_plan_1", PLAN, next, 1_798_761_600L)).get(0);

        assertThat(first.checkoutId()).isEqualTo("chk_plan_1");
        assertThat(first.providerPaymentId()).isEqualTo("pi_in_1Qfirst");
        assertThat(renewal.checkoutId()).isNull();
        assertThat(renewal.providerPaymentId()).isEqualTo("pi_in_1Qrenewal");
        assertThat(renewal.period()).isEqualTo(next);
        assertThat(renewal.offerId()).isEqualTo("creator");
    }

    @Test
    void anInvoiceOfNoSubscriptionIsNotThePlatforms() throws Exception {
        String oneOff = StripeVendor.invoice("in_1Qmanual", "paid", "manual", StripeApiStubs.CUSTOMER,
                "sub_none", "chk_none", PLAN, FIRST, 1_796_000_000L)
                .replaceAll("(?s)\"parent\":\\{\"type\":\"subscription_details\".*?\"subscription\":\"sub_none\"}}",
                        "\"parent\":null");

        assertThat(parse("invoice.paid", "evt_1Qmanual", oneOff)).isEmpty();
    }

    @Test
    void anEventOfAnotherApiVersionIsStillRead() throws Exception {
        String body = StripeVendor.event("customer.subscription.updated", "evt_1Qolder", EVENT_CREATED,
                StripeApiStubs.subscription("sub_1Qcreator", "active", false))
                .replace(com.stripe.Stripe.API_VERSION, "2025-03-31.basil");

        List<PaymentEvent> events = parse(body);

        assertThat(events).singleElement().isInstanceOf(SubscriptionChanged.class);
    }

    @Test
    void aBelievedEventThatCannotBeCompletedWhileStripeIsDownIsNotCalledForged() throws Exception {
        server.stubFor(get(urlPathMatching("/v1/payment_intents/.*")).atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("{\"error\":{\"type\":\"api_error\"}}")));
        String dispute = """
                {"id":"dp_1Qdown","object":"dispute","amount":500,"charge":"ch_1Qpaid","created":1796000000,
                 "currency":"usd","livemode":false,"metadata":{},"payment_intent":"pi_1Qpaid","reason":"fraudulent",
                 "status":"needs_response"}
                """;

        assertThatThrownBy(() -> parse("charge.dispute.created", "evt_1Qdown", dispute))
                .isInstanceOf(StripeUnavailableException.class)
                .isNotInstanceOf(InvalidWebhookException.class);
    }

    @Test
    void aSignedBodyThatIsNotAnEventIsRefused() {
        assertThatThrownBy(() -> parse("[1, 2, 3]"))
                .isInstanceOf(InvalidWebhookException.class);
    }

    private static String charge() {
        return """
                {"id":"ch_1Qpaid","object":"charge","amount":500,"amount_captured":500,"amount_refunded":250,
                 "captured":true,"created":1795996000,"currency":"usd","customer":"%s","disputed":false,
                 "livemode":false,"metadata":{},"paid":true,"payment_intent":"pi_1Qpaid",
                 "payment_method":"pm_1Qcard","refunded":false,"status":"succeeded"}
                """.formatted(StripeApiStubs.CUSTOMER);
    }
}
