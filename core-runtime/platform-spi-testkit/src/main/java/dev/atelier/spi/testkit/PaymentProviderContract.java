package dev.atelier.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.atelier.spi.payment.Checkout;
import dev.atelier.spi.payment.CheckoutRequest;
import dev.atelier.spi.payment.Customer;
import dev.atelier.spi.payment.InvalidWebhookException;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentEvent;
import dev.atelier.spi.payment.PaymentEvent.DisputeClosed;
import dev.atelier.spi.payment.PaymentEvent.DisputeOpened;
import dev.atelier.spi.payment.PaymentEvent.PaymentFailed;
import dev.atelier.spi.payment.PaymentEvent.PaymentSucceeded;
import dev.atelier.spi.payment.PaymentEvent.Period;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionStarted;
import dev.atelier.spi.payment.PaymentException;
import dev.atelier.spi.payment.PaymentProvider;
import dev.atelier.spi.payment.PendingReference;
import dev.atelier.spi.payment.PortalRequest;
import dev.atelier.spi.payment.PortalSession;
import dev.atelier.spi.payment.Refund;
import dev.atelier.spi.payment.RefundRequest;
import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.plugin.Setting;
import dev.atelier.spi.plugin.WebhookMessage;
import dev.atelier.spi.tenant.TenantContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PaymentProvider} owes the host. A payment bundle is done when its test extending this
 * class passes; the host's billing relies on each property checked here.
 *
 * <p>Extend it in your bundle's unit tests, supply the provider, the tenant settings that point it at a stand-in for
 * its vendor (a WireMock replay of the vendor's API, or nothing for a simulated vendor), and the webhooks that vendor
 * sends, signed exactly as the vendor signs them:
 *
 * <pre>{@code
 * class AcmePaymentsTest extends PaymentProviderContract {
 *     @Override
 *     protected PaymentProvider createProvider() {
 *         return new AcmePayments();                     // as the bundle's component would create it
 *     }
 *
 *     @Override
 *     protected TenantContext tenant() {                 // the settings, pointing at the replayed API
 *         return TestTenantContext.withConfig(Map.of("api_key", "sk_test_1", "api_base", wireMock.baseUrl(),
 *                 "webhook_secret", SECRET));
 *     }
 *
 *     @Override
 *     protected TenantContext tenantWithAnotherSigningSecret() {
 *         return TestTenantContext.withConfig(Map.of(..., "webhook_secret", OTHER_SECRET));
 *     }
 *
 *     @Override
 *     protected List<WebhookMessage> webhooks(VendorEvent event, Instant sentAt) {
 *         return acmeEvents.signedFor(event, SECRET, sentAt);   // Acme's event JSON, Acme's signature
 *     }
 * }
 * }</pre>
 *
 * <p>What is checked:
 *
 * <ul>
 *   <li><b>settings</b>: {@code description()} declares a schema under which {@link #tenant()}'s settings are valid,
 *       and describes itself the same on every call;
 *   <li><b>checkouts</b>: a checkout names the vendor's checkout and customer and a URL to send the customer to (an
 *       absolute {@code http(s)} URL at the vendor, or a path on the tenant's site); the same checkout id asked twice
 *       answers the same checkout; a customer the vendor already knows is reused;
 *   <li><b>billing portal</b>: a portal URL of the same kind, or {@link PaymentException.Kind#NOT_SUPPORTED};
 *   <li><b>events</b>: a paid top-up is one {@link PaymentSucceeded} echoing the checkout id, naming the customer and
 *       the payment, with the offer's amount and currency; a paid plan is a {@link SubscriptionStarted} echoing the
 *       checkout id with the plan and its first period, and a {@link PaymentSucceeded} for that period of that
 *       subscription; a declined checkout buys nothing; a renewal pays (or fails) the next period of the same
 *       subscription; a dispute opens and closes on the disputed payment; every event has an id (distinct within a
 *       delivery) and a time, and the same delivery parsed twice gives the same events;
 *   <li><b>webhooks not believed</b>: signed with another secret, changed after signing, without signature, or signed
 *       ten minutes before it arrived: {@link InvalidWebhookException}; an event type the platform does not use parses
 *       to no events;
 *   <li><b>refunds</b>: the same refund id asked twice answers the same refund, which is not failed;
 *   <li><b>look-ups</b>: a checkout nobody paid looks up to no payment.
 * </ul>
 *
 * <p>A new provider is created before each test with {@link #createProvider()}; it is available as {@link #provider}.
 * If it is {@link AutoCloseable} it is closed after each test. Webhooks reach the provider as the host hands them on:
 * with the host's time of arrival.
 */
public abstract class PaymentProviderContract {

    /** How long before its arrival a webhook counts as replayed: twice the five minutes vendors commonly allow. */
    protected static final Duration STALE = Duration.ofMinutes(10);

    /** The provider under test, created before each test. */
    protected PaymentProvider provider;

    /** Creates the provider under test, as its bundle's component would create it. Called before each test. */
    protected abstract PaymentProvider createProvider() throws Exception;

    /**
     * The webhooks the vendor sends when {@code event} happens, in the vendor's format, signed with the signing secret
     * of {@link #tenant()} at {@code sentAt} (their signed timestamp). A vendor that reports one happening in several
     * deliveries returns each; the contract hands each to {@link PaymentProvider#parseWebhook}.
     */
    protected abstract List<WebhookMessage> webhooks(VendorEvent event, Instant sentAt) throws Exception;

    /** The same tenant settings as {@link #tenant()} but another webhook signing secret. */
    protected abstract TenantContext tenantWithAnotherSigningSecret();

    /** The tenant every call is made for; override to hand in the provider's settings (keys, vendor URL, secret). */
    protected TenantContext tenant() {
        return TestTenantContext.defaults();
    }

    /** The top-up pack the checks buy; override to map a vendor price the stand-in knows. */
    protected Offer topUp() {
        return new Offer("pack-500", "500 credits", Offer.Interval.ONCE, 500, "usd", 500, null);
    }

    /** The monthly plan the checks subscribe to; override to map a vendor price the stand-in knows. */
    protected Offer plan() {
        return new Offer("creator", "Creator plan", Offer.Interval.MONTH, 1900, "usd", 800, null);
    }

    /** The customer of every checkout, new to the vendor. */
    protected Customer customer() {
        return new Customer("acc_contract_1", "buyer@example.com", null);
    }

    /** The host's checkout for {@code offer}, with the host's id {@code checkoutId}. */
    protected CheckoutRequest checkoutRequest(String checkoutId, Offer offer, Customer customer) {
        URI billing = URI.create("https://" + tenant().tenantSlug() + ".example/account/billing");
        return new CheckoutRequest(checkoutId, offer, customer, URI.create(billing + "?checkout=" + checkoutId),
                billing);
    }

    @BeforeEach
    final void createProviderUnderTest() throws Exception {
        provider = createProvider();
        assertThat(provider).as("createProvider()").isNotNull();
    }

    @AfterEach
    final void closeProvider() throws Exception {
        if (provider instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    // ----------------------------------------------------------------------------------------------------- settings

    @Test
    void declaresSettingsUnderWhichTheTestTenantsAreValid() {
        PluginDescription description = provider.description();

        assertThat(description).as("description()").isNotNull();
        assertThat(description.settings().check(tenant().pluginConfig())).as("problems of tenant()'s settings")
                .isEmpty();
        assertThat(description.settings().check(tenantWithAnotherSigningSecret().pluginConfig()))
                .as("problems of tenantWithAnotherSigningSecret()'s settings").isEmpty();
        PluginDescription again = provider.description();
        assertThat(again.settings().settings().stream().map(Setting::key).toList())
                .as("settings on a second call").isEqualTo(description.settings().settings().stream()
                        .map(Setting::key).toList());
        assertThat(again.disclosures()).as("disclosures on a second call").isEqualTo(description.disclosures());
    }

    // ---------------------------------------------------------------------------------------------------- checkouts

    @Test
    void opensACheckoutNamingTheVendorsIdsAndWhereToPay() throws Exception {
        for (Offer offer : List.of(topUp(), plan())) {
            Checkout checkout = provider.createCheckout(checkoutRequest("chk_contract_open_" + offer.id(), offer,
                    customer()), tenant());

            assertThat(checkout.providerCheckoutId()).as("providerCheckoutId for " + offer.id()).isNotBlank();
            assertThat(checkout.providerCustomerId()).as("providerCustomerId for " + offer.id()).isNotBlank();
            assertPayableUrl(checkout.url(), "checkout url for " + offer.id());
        }
    }

    @Test
    void theSameCheckoutIdTwiceGivesTheSameCheckout() throws Exception {
        CheckoutRequest request = checkoutRequest("chk_contract_twice", plan(), customer());

        Checkout first = provider.createCheckout(request, tenant());
        Checkout second = provider.createCheckout(request, tenant());

        assertThat(second).as("a retried checkout").isEqualTo(first);
    }

    @Test
    void reusesACustomerTheVendorAlreadyKnows() throws Exception {
        Checkout first = provider.createCheckout(checkoutRequest("chk_contract_first", topUp(), customer()),
                tenant());
        Customer known = new Customer(customer().accountId(), customer().email(), first.providerCustomerId());

        Checkout second = provider.createCheckout(checkoutRequest("chk_contract_second", plan(), known), tenant());

        assertThat(second.providerCustomerId()).as("customer of a second checkout")
                .isEqualTo(first.providerCustomerId());
    }

    @Test
    void opensABillingPortalOrSaysItHasNone() throws Exception {
        Checkout checkout = provider.createCheckout(checkoutRequest("chk_contract_portal", plan(), customer()),
                tenant());
        PortalRequest request = new PortalRequest(checkout.providerCustomerId(),
                URI.create("https://" + tenant().tenantSlug() + ".example/account/billing"));

        try {
            PortalSession session = provider.createPortalSession(request, tenant());
            assertPayableUrl(session.url(), "portal url");
        } catch (PaymentException e) {
            assertThat(e.kind()).as("kind of a portal refused (" + e.getMessage() + ")")
                    .isEqualTo(PaymentException.Kind.NOT_SUPPORTED);
        }
    }

    @Test
    void opensTheBillingPortalOnAPlansCancellationOrChangeOrSaysItHasNone() throws Exception {
        Purchase plan = buy(plan(), "chk_contract_portal_flow");
        String subscription = plan.started().providerSubscriptionId();
        URI back = URI.create("https://" + tenant().tenantSlug() + ".example/account/billing");
        Offer other = new Offer("studio", "Studio plan", plan().interval(), plan().amountMinor() * 2,
                plan().currency(), plan().credits() * 3, null);

        for (PortalRequest.Intent intent : List.of(new PortalRequest.Cancel(subscription),
                new PortalRequest.ChangePlan(subscription, other))) {
            try {
                PortalSession session = provider.createPortalSession(new PortalRequest(
                        plan.checkout().providerCustomerId(), back, intent), tenant());
                assertPayableUrl(session.url(), "portal url for " + intent);
            } catch (PaymentException e) {
                assertThat(e.kind()).as("kind of a portal refused for " + intent + " (" + e.getMessage() + ")")
                        .isEqualTo(PaymentException.Kind.NOT_SUPPORTED);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------- events

    @Test
    void aPaidTopUpIsOnePaymentNamingTheCheckoutTheCustomerAndThePayment() throws Exception {
        Purchase topUp = buy(topUp(), "chk_contract_topup");

        assertThat(topUp.events()).as("events of a paid top-up").noneMatch(SubscriptionStarted.class::isInstance);
        PaymentSucceeded paid = topUp.payment();
        assertThat(paid.checkoutId()).as("checkoutId echoed").isEqualTo(topUp.request().checkoutId());
        assertThat(paid.providerCustomerId()).as("customer").isEqualTo(topUp.checkout().providerCustomerId());
        assertThat(paid.providerPaymentId()).as("providerPaymentId").isNotBlank();
        assertThat(paid.amountMinor()).as("amount").isEqualTo(topUp().amountMinor());
        assertThat(paid.currency().toLowerCase(Locale.ROOT)).as("currency").isEqualTo(topUp().currency());
        assertOfferIfNamed(paid.offerId(), topUp());
        assertThat(paid.providerSubscriptionId()).as("subscription of a top-up").isNull();
        assertThat(paid.period()).as("period of a top-up").isNull();
    }

    @Test
    void aPaidPlanStartsASubscriptionAndPaysItsFirstPeriod() throws Exception {
        Purchase plan = buy(plan(), "chk_contract_plan");

        SubscriptionStarted started = plan.started();
        assertThat(started.checkoutId()).as("checkoutId echoed").isEqualTo(plan.request().checkoutId());
        assertThat(started.providerCustomerId()).as("customer").isEqualTo(plan.checkout().providerCustomerId());
        assertThat(started.providerSubscriptionId()).as("providerSubscriptionId").isNotBlank();
        assertThat(started.offerId()).as("plan of the subscription").isEqualTo(plan().id());
        assertThat(started.period()).as("period of the subscription").isNotNull();
        PaymentSucceeded paid = plan.payment();
        assertThat(paid.providerSubscriptionId()).as("subscription paid for")
                .isEqualTo(started.providerSubscriptionId());
        assertThat(paid.period()).as("period paid for").isEqualTo(started.period());
        assertThat(paid.providerCustomerId()).as("customer of the payment")
                .isEqualTo(plan.checkout().providerCustomerId());
        assertThat(paid.providerPaymentId()).as("providerPaymentId").isNotBlank();
        assertThat(paid.amountMinor()).as("amount").isEqualTo(plan().amountMinor());
        assertThat(paid.currency().toLowerCase(Locale.ROOT)).as("currency").isEqualTo(plan().currency());
        assertOfferIfNamed(paid.offerId(), plan());
    }

    @Test
    void aDeclinedCheckoutBuysNothing() throws Exception {
        for (Offer offer : List.of(topUp(), plan())) {
            CheckoutRequest request = checkoutRequest("chk_contract_declined_" + offer.id(), offer, customer());
            Checkout checkout = provider.createCheckout(request, tenant());

            List<PaymentEvent> events = events(new VendorEvent.CheckoutDeclined(request, checkout,
                    "evt_contract_declined_" + offer.id()));

            assertThat(events).as("events of a declined " + offer.id()).allSatisfy(event -> {
                assertThat(event).isInstanceOf(PaymentFailed.class);
                assertThat(request.checkoutId().equals(event.checkoutId())
                        || checkout.providerCustomerId().equals(event.providerCustomerId()))
                        .as("a failed payment names the checkout or its customer: " + event).isTrue();
            });
        }
    }

    @Test
    void aPaidRenewalPaysTheNextPeriodOfTheSameSubscription() throws Exception {
        Purchase plan = buy(plan(), "chk_contract_renewed");
        SubscriptionStarted started = plan.started();
        Period next = nextPeriod(started.period());

        List<PaymentEvent> events = events(new VendorEvent.PeriodRenewed(plan(), started.providerCustomerId(),
                started.providerSubscriptionId(), next, true, "evt_contract_renewal_paid"));

        PaymentSucceeded paid = only(events, PaymentSucceeded.class, "payment of a renewal");
        assertThat(paid.providerSubscriptionId()).as("subscription").isEqualTo(started.providerSubscriptionId());
        assertThat(paid.period()).as("period").isEqualTo(next);
        assertThat(paid.providerCustomerId()).as("customer").isEqualTo(started.providerCustomerId());
        assertThat(paid.providerPaymentId()).as("payment of the renewal").isNotBlank()
                .isNotEqualTo(plan.payment().providerPaymentId());
        assertThat(paid.amountMinor()).as("amount").isEqualTo(plan().amountMinor());
    }

    @Test
    void anUncollectedRenewalIsAFailedPaymentOfTheSubscription() throws Exception {
        Purchase plan = buy(plan(), "chk_contract_uncollected");
        SubscriptionStarted started = plan.started();

        List<PaymentEvent> events = events(new VendorEvent.PeriodRenewed(plan(), started.providerCustomerId(),
                started.providerSubscriptionId(), nextPeriod(started.period()), false, "evt_contract_renewal_failed"));

        assertThat(events).as("events of an uncollected renewal").noneMatch(PaymentSucceeded.class::isInstance);
        PaymentFailed failed = only(events, PaymentFailed.class, "failed renewal");
        assertThat(failed.providerSubscriptionId()).as("subscription").isEqualTo(started.providerSubscriptionId());
        assertThat(failed.providerCustomerId()).as("customer").isEqualTo(started.providerCustomerId());
    }

    @Test
    void aDisputeOpensAndClosesOnTheDisputedPayment() throws Exception {
        PaymentSucceeded paid = buy(topUp(), "chk_contract_disputed").payment();
        String customer = paid.providerCustomerId();
        String payment = paid.providerPaymentId();

        DisputeOpened opened = only(events(new VendorEvent.Disputed(customer, payment, "dp_contract_1",
                paid.amountMinor(), paid.currency(), true, false, "evt_contract_dispute_opened")),
                DisputeOpened.class, "dispute opened");
        DisputeClosed won = only(events(new VendorEvent.Disputed(customer, payment, opened.providerDisputeId(),
                paid.amountMinor(), paid.currency(), false, true, "evt_contract_dispute_won")),
                DisputeClosed.class, "dispute won");
        DisputeClosed lost = only(events(new VendorEvent.Disputed(customer, payment, opened.providerDisputeId(),
                paid.amountMinor(), paid.currency(), false, false, "evt_contract_dispute_lost")),
                DisputeClosed.class, "dispute lost");

        assertThat(opened.providerPaymentId()).as("payment disputed").isEqualTo(payment);
        assertThat(opened.providerCustomerId()).as("customer").isEqualTo(customer);
        assertThat(opened.providerDisputeId()).as("providerDisputeId").isNotBlank();
        assertThat(opened.amountMinor()).as("amount disputed").isEqualTo(paid.amountMinor());
        assertThat(opened.currency().toLowerCase(Locale.ROOT)).as("currency").isEqualTo(topUp().currency());
        for (DisputeClosed closed : List.of(won, lost)) {
            assertThat(closed.providerPaymentId()).as("payment of the closed dispute").isEqualTo(payment);
            assertThat(closed.providerDisputeId()).as("dispute closed").isEqualTo(opened.providerDisputeId());
        }
        assertThat(won.won()).as("won").isTrue();
        assertThat(lost.won()).as("lost").isFalse();
    }

    @Test
    void ignoresAnEventTypeThePlatformDoesNotUse() throws Exception {
        assertThat(events(new VendorEvent.UnknownType("evt_contract_unknown"))).as("events of an unknown type")
                .isEmpty();
    }

    // --------------------------------------------------------------------------------------- webhooks not believed

    @Test
    void refusesAWebhookSignedWithAnotherSecret() throws Exception {
        for (WebhookMessage message : genuineWebhooks("chk_contract_forged")) {
            assertRefused(message, tenantWithAnotherSigningSecret(), "a webhook signed with another secret");
        }
    }

    @Test
    void refusesAWebhookChangedAfterItWasSigned() throws Exception {
        for (WebhookMessage message : genuineWebhooks("chk_contract_tampered")) {
            WebhookMessage changed = WebhookMessage.of(message.headers(), tampered(message.body()),
                    message.receivedAt());
            assertRefused(changed, tenant(), "a webhook whose body changed after signing");
        }
    }

    @Test
    void refusesAWebhookWithoutItsSignature() throws Exception {
        for (WebhookMessage message : genuineWebhooks("chk_contract_unsigned")) {
            Map<String, String> unsigned = new LinkedHashMap<>(message.headers());
            unsigned.keySet().removeIf(name -> name.contains("signature"));
            assertRefused(WebhookMessage.of(unsigned, message.body(), message.receivedAt()), tenant(),
                    "a webhook without signature header");
            assertRefused(WebhookMessage.of(Map.of(), message.body(), message.receivedAt()), tenant(),
                    "a webhook without any header");
        }
    }

    @Test
    void refusesAWebhookSignedLongBeforeItArrived() throws Exception {
        CheckoutRequest request = checkoutRequest("chk_contract_stale", topUp(), customer());
        Checkout checkout = provider.createCheckout(request, tenant());
        Instant sentAt = Instant.now().minus(STALE);

        List<WebhookMessage> stale = webhooks(new VendorEvent.CheckoutPaid(request, checkout, null,
                "evt_contract_stale"), sentAt);

        assertThat(stale).as("webhooks of a paid top-up").isNotEmpty();
        for (WebhookMessage message : stale) {
            assertRefused(arrivedNow(message), tenant(), "a webhook signed " + STALE + " before it arrived");
        }
    }

    // ------------------------------------------------------------------------------------------ refunds, look-ups

    @Test
    void theSameRefundIdTwiceGivesTheSameRefund() throws Exception {
        PaymentSucceeded paid = buy(topUp(), "chk_contract_refunded").payment();
        RefundRequest request = new RefundRequest("rfd_contract_1", paid.providerPaymentId(), paid.amountMinor() / 2,
                paid.currency(), "asked by the customer");

        Refund first = provider.refund(request, tenant());
        Refund second = provider.refund(request, tenant());

        assertThat(first.providerRefundId()).as("providerRefundId").isNotBlank();
        assertThat(first.status()).as("status of the refund").isNotEqualTo(Refund.Status.FAILED);
        assertThat(second).as("a retried refund").isEqualTo(first);
    }

    @Test
    void aCheckoutNobodyPaidLooksUpToNoPayment() throws Exception {
        CheckoutRequest request = checkoutRequest("chk_contract_unpaid", topUp(), customer());
        Checkout checkout = provider.createCheckout(request, tenant());

        List<PaymentEvent> events = provider.lookUp(new PendingReference(PendingReference.Kind.CHECKOUT,
                checkout.providerCheckoutId(), request.checkoutId()), tenant());

        assertThat(events).as("events of an unpaid checkout").isNotNull()
                .noneMatch(e -> e instanceof PaymentSucceeded || e instanceof SubscriptionStarted);
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    /** A checkout of {@code offer} the customer paid, with the events its webhooks parsed to. */
    protected record Purchase(CheckoutRequest request, Checkout checkout, List<PaymentEvent> events) {

        /** The one payment among the events. */
        public PaymentSucceeded payment() {
            return only(events, PaymentSucceeded.class, "payment of " + request.checkoutId());
        }

        /** The one subscription start among the events. */
        public SubscriptionStarted started() {
            return only(events, SubscriptionStarted.class, "subscription of " + request.checkoutId());
        }
    }

    /** Opens a checkout of {@code offer} and has the vendor report it paid. */
    protected Purchase buy(Offer offer, String checkoutId) throws Exception {
        CheckoutRequest request = checkoutRequest(checkoutId, offer, customer());
        Checkout checkout = provider.createCheckout(request, tenant());
        String subscription = offer.recurring() ? "sub_" + checkoutId : null;
        List<PaymentEvent> events = events(new VendorEvent.CheckoutPaid(request, checkout, subscription,
                "evt_" + checkoutId));
        return new Purchase(request, checkout, events);
    }

    /**
     * The events the vendor's webhooks for {@code event} parse to, each delivery parsed twice to check that a
     * redelivery is recognisably the same; asserts that every event has an id and a time, and that ids are distinct.
     */
    protected List<PaymentEvent> events(VendorEvent event) throws Exception {
        List<WebhookMessage> messages = webhooks(event, Instant.now());
        assertThat(messages).as("webhooks(" + event + ")").isNotEmpty();
        List<PaymentEvent> events = new ArrayList<>();
        for (WebhookMessage message : messages) {
            WebhookMessage arrived = arrivedNow(message);
            List<PaymentEvent> parsed = provider.parseWebhook(arrived, tenant());
            assertThat(provider.parseWebhook(arrived, tenant())).as("the same delivery parsed again")
                    .isEqualTo(parsed);
            events.addAll(parsed);
        }
        Set<String> ids = new HashSet<>();
        for (PaymentEvent parsed : events) {
            assertThat(parsed.eventId()).as("eventId of " + parsed).isNotBlank();
            assertThat(parsed.occurredAt()).as("occurredAt of " + parsed).isNotNull();
            assertThat(ids.add(parsed.eventId())).as("eventId " + parsed.eventId() + " used once").isTrue();
        }
        return events;
    }

    /** The one event of {@code type} in {@code events}. */
    protected static <E extends PaymentEvent> E only(List<PaymentEvent> events, Class<E> type, String what) {
        List<E> found = events.stream().filter(type::isInstance).map(type::cast).toList();
        if (found.size() != 1) {
            fail("expected one " + type.getSimpleName() + " (" + what + ") but found " + found.size() + " in "
                    + events);
        }
        return found.get(0);
    }

    /** The message as the host hands it on: the same headers and body, arrived now. */
    protected static WebhookMessage arrivedNow(WebhookMessage message) {
        return WebhookMessage.of(message.headers(), message.body(), Instant.now());
    }

    /** The next period of a monthly plan after {@code current}. */
    protected static Period nextPeriod(Period current) {
        return new Period(current.end(), current.end().plus(Duration.ofDays(30)));
    }

    private List<WebhookMessage> genuineWebhooks(String checkoutId) throws Exception {
        CheckoutRequest request = checkoutRequest(checkoutId, topUp(), customer());
        Checkout checkout = provider.createCheckout(request, tenant());
        List<WebhookMessage> messages = new ArrayList<>();
        for (WebhookMessage message : webhooks(new VendorEvent.CheckoutPaid(request, checkout, null,
                "evt_" + checkoutId), Instant.now())) {
            WebhookMessage arrived = arrivedNow(message);
            // Believed as sent: the refusals below are then due to what the check changed.
            assertThat(provider.parseWebhook(arrived, tenant())).as("events of the genuine webhook").isNotEmpty();
            messages.add(arrived);
        }
        assertThat(messages).as("webhooks of a paid top-up").isNotEmpty();
        return messages;
    }

    private void assertRefused(WebhookMessage message, TenantContext tenant, String what) {
        assertThatThrownBy(() -> provider.parseWebhook(message, tenant)).as(what)
                .isInstanceOf(InvalidWebhookException.class);
    }

    /** The body with its first digit changed (an amount, an id, a time), so it stays well-formed. */
    private static byte[] tampered(byte[] body) {
        byte[] changed = body.clone();
        for (int i = 0; i < changed.length; i++) {
            if (changed[i] >= '0' && changed[i] <= '9') {
                changed[i] = (byte) ('0' + (changed[i] - '0' + 1) % 10);
                return changed;
            }
        }
        changed[changed.length - 1] ^= 1;
        return changed;
    }

    private static void assertPayableUrl(URI url, String what) {
        if (url.isAbsolute()) {
            assertThat(url.getScheme()).as(what + " scheme").isIn("https", "http");
            assertThat(url.getHost()).as(what + " host").isNotBlank();
        } else {
            assertThat(url.getRawPath()).as(what + ": a path on the tenant's site").startsWith("/");
            assertThat(url.getRawAuthority()).as(what + " authority").isNull();
        }
    }

    private static void assertOfferIfNamed(String offerId, Offer offer) {
        if (offerId != null) {
            assertThat(offerId).as("offer paid for").isEqualTo(offer.id());
        }
    }
}
