package dev.atelier.payment.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.spi.payment.Checkout;
import dev.atelier.spi.payment.CheckoutRequest;
import dev.atelier.spi.payment.Customer;
import dev.atelier.spi.payment.InvalidWebhookException;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentEvent;
import dev.atelier.spi.payment.PaymentEvent.PaymentSucceeded;
import dev.atelier.spi.payment.PaymentEvent.Period;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionCanceled;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionChanged;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionStarted;
import dev.atelier.spi.payment.SimulatedPayments.CheckoutAnswered;
import dev.atelier.spi.payment.SimulatedPayments.SubscriptionEnded;
import dev.atelier.spi.payment.SimulatedPayments.SubscriptionUpdated;
import dev.atelier.spi.plugin.WebhookMessage;
import dev.atelier.spi.tenant.TenantContext;
import dev.atelier.spi.testkit.TestTenantContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sandbox's webhooks: signed Standard Webhooks style, believed within five minutes, refused when changed. */
class SandboxWebhookTest {

    private static final Instant SENT = Instant.parse("2026-12-06T12:00:00Z");
    private static final TenantContext TENANT = TestTenantContext.withConfig(
            Map.of("signing_secret", SandboxPaymentsTest.SECRET));
    private static final Offer PLAN = new Offer("creator", "Creator plan", Offer.Interval.MONTH, 1900, "usd", 800,
            null);
    private static final Offer TOP_UP = new Offer("pack-500", "500 credits", Offer.Interval.ONCE, 500, "usd", 500,
            null);

    private final SandboxPayments sandbox = new SandboxPayments(Clock.fixed(SENT, ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(longs = {-300, -1, 0, 1, 300})
    void believesAWebhookArrivingWithinFiveMinutesOfItsSignature(long arrivalOffsetSeconds) throws Exception {
        WebhookMessage message = arrived(paidTopUp(), SENT.plusSeconds(arrivalOffsetSeconds));

        assertThat(sandbox.parseWebhook(message, TENANT)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301, 3600})
    void refusesAWebhookArrivingMoreThanFiveMinutesFromItsSignature(long arrivalOffsetSeconds) {
        WebhookMessage message = arrived(paidTopUp(), SENT.plusSeconds(arrivalOffsetSeconds));

        assertThatThrownBy(() -> sandbox.parseWebhook(message, TENANT)).isInstanceOf(InvalidWebhookException.class)
                .hasMessageContaining("5 minutes");
    }

    @Test
    void refusesAWebhookWhoseAmountWasRaisedAfterSigning() {
        WebhookMessage genuine = paidTopUp();
        String body = new String(genuine.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"amount\":500");

        WebhookMessage raised = WebhookMessage.of(genuine.headers(),
                body.replace("\"amount\":500", "\"amount\":50000").getBytes(StandardCharsets.UTF_8), SENT);

        assertThatThrownBy(() -> sandbox.parseWebhook(raised, TENANT)).isInstanceOf(InvalidWebhookException.class)
                .hasMessageContaining("no webhook-signature matches");
    }

    @Test
    void refusesAWebhookWhoseIdOrTimestampChangedAfterSigning() {
        WebhookMessage genuine = paidTopUp();
        Map<String, String> otherId = new HashMap<>(genuine.headers());
        otherId.put("webhook-id", "evt_replayed");
        Map<String, String> otherTime = new HashMap<>(genuine.headers());
        otherTime.put("webhook-timestamp", Long.toString(SENT.getEpochSecond() + 1));

        for (Map<String, String> headers : List.of(otherId, otherTime)) {
            WebhookMessage changed = WebhookMessage.of(headers, genuine.body(), SENT);
            assertThatThrownBy(() -> sandbox.parseWebhook(changed, TENANT))
                    .isInstanceOf(InvalidWebhookException.class);
        }
    }

    @Test
    void believesOneMatchingSignatureAmongSeveralAsDuringASecretRotation() throws Exception {
        WebhookMessage genuine = paidTopUp();
        Map<String, String> headers = new HashMap<>(genuine.headers());
        headers.put("webhook-signature", "v1,bm90IHRoaXMgb25l v1,%%% " + genuine.header("webhook-signature")
                .orElseThrow());

        assertThat(sandbox.parseWebhook(WebhookMessage.of(headers, genuine.body(), SENT), TENANT)).hasSize(1);
    }

    @Test
    void aTenantWithoutASecretDoesNotBelieveAnotherTenantsWebhooks() {
        TenantContext first = TestTenantContext.defaults();
        TenantContext second = new TestTenantContext("tnt_second", "second", Map.of(), "req_second");

        WebhookMessage forFirst = sandbox.simulate(answered(TOP_UP, "chk_1", true), "evt_1", first);

        assertThatThrownBy(() -> sandbox.parseWebhook(forFirst, second)).isInstanceOf(InvalidWebhookException.class);
    }

    @Test
    void signsTheSameAnswerTheSameWayTwice() {
        WebhookMessage first = sandbox.simulate(answered(PLAN, "chk_1", true), "evt_1", TestTenantContext.defaults());
        WebhookMessage second = sandbox.simulate(answered(PLAN, "chk_1", true), "evt_1", TestTenantContext.defaults());

        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers()).isEqualTo(first.headers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{}", "{\"events\":{}}", "{\"events\":[42]}",
            "{\"events\":[{\"id\":\"evt_1\",\"type\":\"payment.succeeded\",\"created\":\"2026-12-06T12:00:00Z\"}]}",
            "{\"events\":[{\"id\":\"evt_1\",\"type\":\"payment.succeeded\",\"created\":\"yesterday\","
                    + "\"customer\":\"c\",\"payment\":\"p\",\"amount\":5,\"currency\":\"usd\"}]}",
            "{\"events\":[{\"id\":\"evt_1\",\"type\":\"payment.succeeded\",\"created\":\"2026-12-06T12:00:00Z\","
                    + "\"customer\":\"c\",\"payment\":\"p\",\"amount\":5.5,\"currency\":\"usd\"}]}",
            "{\"events\":[{\"id\":\"evt_1\",\"type\":\"dispute.closed\",\"created\":\"2026-12-06T12:00:00Z\","
                    + "\"customer\":\"c\",\"payment\":\"p\",\"dispute\":\"d\",\"won\":\"yes\"}]}"})
    void refusesAGenuinelySignedBodyThatIsNotASandboxEventList(String body) throws Exception {
        WebhookMessage message = SandboxVendor.signed(body, "evt_1", SENT, TENANT);

        assertThatThrownBy(() -> sandbox.parseWebhook(message, TENANT)).isInstanceOf(InvalidWebhookException.class);
    }

    @Test
    void aPaidPlanIsTwoEventsWithIdsDerivedFromTheHostsAndAMonthLongFirstPeriod() throws Exception {
        List<PaymentEvent> events = sandbox.parseWebhook(sandbox.simulate(answered(PLAN, "chk_1", true), "evt_9",
                TENANT), TENANT);

        assertThat(events).extracting(PaymentEvent::eventId).containsExactly("evt_9.subscription", "evt_9.payment");
        Period first = new Period(SENT, Instant.parse("2027-01-06T12:00:00Z"));
        SubscriptionStarted started = (SubscriptionStarted) events.get(0);
        assertThat(started).isEqualTo(new SubscriptionStarted("evt_9.subscription", SENT, "chk_1", "sbx_cus_acc_1",
                "sub_1", "creator", first));
        assertThat(events.get(1)).isEqualTo(new PaymentSucceeded("evt_9.payment", SENT, "chk_1", "sbx_cus_acc_1",
                "sbx_pay_sub_1_" + SENT.getEpochSecond(), 1900, "usd", "creator", "sub_1", first));
    }

    @Test
    void aPaidTopUpIsOneEventWithTheHostsId() throws Exception {
        List<PaymentEvent> events = sandbox.parseWebhook(paidTopUp(), TENANT);

        assertThat(events).containsExactly(new PaymentSucceeded("evt_1", SENT, "chk_1", "sbx_cus_acc_1",
                "sbx_pay_chk_1", 500, "usd", "pack-500", null, null));
    }

    @Test
    void anEventOfAnotherTypeAmongKnownOnesIsSkipped() throws Exception {
        String body = "{\"events\":[{\"id\":\"evt_a\",\"type\":\"customer.updated\"},{\"id\":\"evt_b\","
                + "\"type\":\"dispute.closed\",\"created\":\"2026-12-06T12:00:00Z\",\"customer\":\"c\","
                + "\"payment\":\"p\",\"dispute\":\"d\",\"won\":true}]}";

        List<PaymentEvent> events = sandbox.parseWebhook(SandboxVendor.signed(body, "evt_a", SENT, TENANT), TENANT);

        assertThat(events).containsExactly(new PaymentEvent.DisputeClosed("evt_b", SENT, "c", "p", "d", true));
    }

    @Test
    void aPlanChangedOrCanceledOnTheTestPortalIsReportedAsTheSubscriptionNowStands() throws Exception {
        Period period = new Period(SENT, Instant.parse("2027-01-06T12:00:00Z"));
        WebhookMessage changed = sandbox.simulate(new SubscriptionUpdated(PLAN, "sbx_cus_acc_1", "sub_1", period,
                true), "evt_portal_1", TENANT);
        WebhookMessage ended = sandbox.simulate(new SubscriptionEnded("sbx_cus_acc_1", "sub_1", period.end()),
                "evt_end_1", TENANT);

        assertThat(sandbox.parseWebhook(changed, TENANT)).containsExactly(new SubscriptionChanged("evt_portal_1", SENT,
                "sbx_cus_acc_1", "sub_1", "creator", period, true));
        assertThat(sandbox.parseWebhook(ended, TENANT)).containsExactly(new SubscriptionCanceled("evt_end_1", SENT,
                "sbx_cus_acc_1", "sub_1", period.end()));
    }

    private WebhookMessage paidTopUp() {
        return sandbox.simulate(answered(TOP_UP, "chk_1", true), "evt_1", TENANT);
    }

    private static CheckoutAnswered answered(Offer offer, String checkoutId, boolean paid) {
        CheckoutRequest request = new CheckoutRequest(checkoutId, offer, new Customer("acc_1", "a@example.com", null),
                URI.create("https://test.example/account/billing?ok"), URI.create("https://test.example/pricing"));
        Checkout checkout = new Checkout(SandboxIds.checkout(checkoutId),
                URI.create(SandboxPayments.CHECKOUT_PAGE + checkoutId), SandboxIds.customer("acc_1"));
        return new CheckoutAnswered(request, checkout.providerCheckoutId(), checkout.providerCustomerId(), paid,
                offer.recurring() ? "sub_1" : null);
    }

    private static WebhookMessage arrived(WebhookMessage message, Instant at) {
        return WebhookMessage.of(message.headers(), message.body(), at);
    }
}
