package dev.atelier.payment.stripe.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.atelier.spi.payment.Checkout;
import dev.atelier.spi.payment.CheckoutRequest;
import dev.atelier.spi.payment.Customer;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentException;
import dev.atelier.spi.payment.Refund;
import dev.atelier.spi.payment.RefundRequest;
import dev.atelier.spi.testkit.TestTenantContext;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the bundle asks of Stripe: the objects it creates, with what, under which idempotency keys and whose key. */
class StripeRequestsTest extends StripeReplayTestBase {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Offer TOP_UP = new Offer("pack-500", "500 credits", Offer.Interval.ONCE, 500, "usd", 500,
            null);
    private static final Offer PLAN = new Offer("creator", "Creator plan", Offer.Interval.YEAR, 19000, "usd", 9600,
            null);
    private static final Customer NEW_BUYER = new Customer("acc_contract_1", "buyer@example.com", null);

    StripeRequestsTest() {
        super(server);
    }

    @Test
    void aTopUpIsAPaymentModeSessionWithItsPriceInlineAndTheHostsIdsEverywhere() throws Exception {
        Checkout checkout = stripe.createCheckout(request("chk_topup_1", TOP_UP, NEW_BUYER), api.tenant());

        assertThat(checkout.providerCheckoutId()).isEqualTo("cs_test_chk_topup_1");
        assertThat(checkout.url().getHost()).isEqualTo("checkout.stripe.com");
        assertThat(checkout.providerCustomerId()).isEqualTo(StripeApiStubs.CUSTOMER);
        server.verify(posted("/v1/customers", """
                email=buyer@example.com
                metadata[atelier_account_id]=acc_contract_1
                """).withHeader("Idempotency-Key", equalTo("customer-acc_contract_1")));
        server.verify(posted("/v1/checkout/sessions", """
                mode=payment
                customer=%s
                client_reference_id=chk_topup_1
                line_items[0][quantity]=1
                line_items[0][price_data][currency]=usd
                line_items[0][price_data][unit_amount]=500
                line_items[0][price_data][product_data][name]=500 credits
                metadata[atelier_checkout_id]=chk_topup_1
                metadata[atelier_offer_id]=pack-500
                payment_intent_data[metadata][atelier_checkout_id]=chk_topup_1
                success_url=https://test.example/account/billing?checkout=chk_topup_1
                cancel_url=https://test.example/pricing
                """.formatted(StripeApiStubs.CUSTOMER))
                .withHeader("Idempotency-Key", equalTo("checkout-chk_topup_1"))
                .withHeader("Authorization", equalTo("Bearer " + StripeApiStubs.SECRET_KEY)));
    }

    @Test
    void aPlanIsASubscriptionModeSessionBilledAtAPriceCreatedAtStripeOnFirstUse() throws Exception {
        stripe.createCheckout(request("chk_plan_1", PLAN, NEW_BUYER), api.tenant());

        server.verify(getRequestedFor(urlPathEqualTo("/v1/prices"))
                .withQueryParam("lookup_keys[0]", equalTo("atelier-creator-19000-usd-year"))
                .withQueryParam("active", equalTo("true")));
        server.verify(posted("/v1/prices", """
                lookup_key=atelier-creator-19000-usd-year
                unit_amount=19000
                currency=usd
                recurring[interval]=year
                metadata[atelier_offer_id]=creator
                product_data[name]=Creator plan
                product_data[metadata][atelier_offer_id]=creator
                """).withHeader("Idempotency-Key", equalTo("price-atelier-creator-19000-usd-year")));
        server.verify(posted("/v1/checkout/sessions", """
                mode=subscription
                line_items[0][price]=%s
                subscription_data[metadata][atelier_checkout_id]=chk_plan_1
                subscription_data[metadata][atelier_offer_id]=creator
                """.formatted(StripeApiStubs.CREATED_PRICE))
                .withHeader("Idempotency-Key", equalTo("checkout-chk_plan_1"))
                .withoutFormParam("line_items[0][price_data][unit_amount]"));
    }

    @Test
    void aPlanPriceFoundByItsLookupKeyIsNotCreatedAgain() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v1/prices")).atPriority(1)
                .withQueryParam("lookup_keys[0]", equalTo("atelier-creator-19000-usd-year"))
                .willReturn(StripeApiStubs.json("{\"object\":\"list\",\"data\":["
                        + StripeApiStubs.price("price_1QfoundCreator", "creator", "atelier-creator-19000-usd-year")
                        + "],\"has_more\":false,\"url\":\"/v1/prices\"}")));

        stripe.createCheckout(request("chk_plan_2", PLAN, NEW_BUYER), api.tenant());

        server.verify(0, postRequestedFor(urlPathEqualTo("/v1/prices")));
        server.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withFormParam("line_items[0][price]", equalTo("price_1QfoundCreator")));
    }

    @Test
    void aMappedPriceIsUsedAsItIsTaggedWithItsPlanAndAKnownCustomerIsNotCreatedAgain() throws Exception {
        Offer mapped = new Offer("creator", "Creator plan", Offer.Interval.MONTH, 1900, "usd", 800,
                "price_1QmappedCreator");
        Customer known = new Customer("acc_contract_1", "buyer@example.com", "cus_Qknown");

        Checkout checkout = stripe.createCheckout(request("chk_mapped_1", mapped, known), api.tenant());

        assertThat(checkout.providerCustomerId()).isEqualTo("cus_Qknown");
        server.verify(0, postRequestedFor(urlPathEqualTo("/v1/customers")));
        server.verify(0, postRequestedFor(urlPathEqualTo("/v1/prices")));
        server.verify(postRequestedFor(urlPathEqualTo("/v1/prices/price_1QmappedCreator"))
                .withFormParam("metadata[atelier_offer_id]", equalTo("creator")));
        server.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withFormParam("customer", equalTo("cus_Qknown"))
                .withFormParam("line_items[0][price]", equalTo("price_1QmappedCreator"))
                .withoutFormParam("line_items[0][price_data][unit_amount]"));
    }

    @Test
    void eachTenantsCallsGoOutWithThatTenantsKey() throws Exception {
        Map<String, String> other = new HashMap<>(api.tenant().pluginConfig());
        other.put("secret_key", "sk_test_51OtherTenantsKey");
        server.stubFor(post(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer sk_test_51OtherTenantsKey"))
                .willReturn(StripeApiStubs.json(StripeApiStubs.session("chk_other_1", "open", "unpaid"))));
        Customer known = new Customer("acc_other_1", "other@example.com", "cus_Qother");

        stripe.createCheckout(request("chk_other_1", TOP_UP, known), TestTenantContext.withConfig(other));
        stripe.createCheckout(request("chk_mine_1", TOP_UP, known), api.tenant());

        server.verify(1, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer sk_test_51OtherTenantsKey")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer " + StripeApiStubs.SECRET_KEY)));
    }

    @Test
    void aRefundNamesThePaymentIntentTheAmountAndTheHostsRefund() throws Exception {
        Refund refund = stripe.refund(new RefundRequest("rfd_1", "pi_1Qpaid", 250, "usd", "asked by the customer"),
                api.tenant());

        assertThat(refund).isEqualTo(new Refund("re_rfd_1", Refund.Status.SUCCEEDED));
        server.verify(posted("/v1/refunds", """
                payment_intent=pi_1Qpaid
                amount=250
                metadata[atelier_refund_id]=rfd_1
                metadata[atelier_reason]=asked by the customer
                """).withHeader("Idempotency-Key", equalTo("refund-rfd_1")));
    }

    @Test
    void aRefundStripeHasNotFinishedIsPending() {
        assertThat(StripePayments.status("pending")).isEqualTo(Refund.Status.PENDING);
        assertThat(StripePayments.status("requires_action")).isEqualTo(Refund.Status.PENDING);
        assertThat(StripePayments.status("failed")).isEqualTo(Refund.Status.FAILED);
        assertThat(StripePayments.status("canceled")).isEqualTo(Refund.Status.FAILED);
    }

    @Test
    void aKeyStripeRefusesIsNotConfiguredAndAnOutageIsTemporary() {
        server.stubFor(post(urlPathEqualTo("/v1/refunds")).atPriority(1)
                .withHeader("Idempotency-Key", equalTo("refund-rfd_refused"))
                .willReturn(stripeError(401, "invalid_request_error", "Invalid API Key provided: sk_test_***")));
        server.stubFor(post(urlPathEqualTo("/v1/refunds")).atPriority(1)
                .withHeader("Idempotency-Key", equalTo("refund-rfd_outage"))
                .willReturn(stripeError(500, "api_error", "Something went wrong on Stripe's end.")));
        server.stubFor(post(urlPathEqualTo("/v1/refunds")).atPriority(1)
                .withHeader("Idempotency-Key", equalTo("refund-rfd_too_much"))
                .willReturn(stripeError(400, "invalid_request_error",
                        "Refund amount ($9.00) is greater than unrefunded amount on charge ($5.00)")));

        assertThatThrownBy(() -> stripe.refund(refund("rfd_refused"), api.tenant()))
                .isInstanceOfSatisfying(PaymentException.class,
                        e -> assertThat(e.kind()).isEqualTo(PaymentException.Kind.NOT_CONFIGURED));
        assertThatThrownBy(() -> stripe.refund(refund("rfd_outage"), api.tenant()))
                .isInstanceOfSatisfying(PaymentException.class,
                        e -> assertThat(e.kind()).isEqualTo(PaymentException.Kind.TEMPORARY));
        assertThatThrownBy(() -> stripe.refund(refund("rfd_too_much"), api.tenant()))
                .isInstanceOfSatisfying(PaymentException.class,
                        e -> assertThat(e.kind()).isEqualTo(PaymentException.Kind.REFUSED));
    }

    @Test
    void aTenantWithoutItsSecretKeyIsNotConfiguredAndNothingIsSent() {
        Map<String, String> missing = new HashMap<>(api.tenant().pluginConfig());
        missing.remove("secret_key");

        assertThatThrownBy(() -> stripe.createCheckout(request("chk_unconfigured", TOP_UP, NEW_BUYER),
                TestTenantContext.withConfig(missing)))
                .isInstanceOfSatisfying(PaymentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PaymentException.Kind.NOT_CONFIGURED);
                    assertThat(e.getMessage()).contains("secret_key");
                });
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    private static RefundRequest refund(String id) {
        return new RefundRequest(id, "pi_1Qpaid", 900, "usd", "");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder stripeError(int status,
            String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_replayed_error")
                .withBody("{\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}");
    }

    private static CheckoutRequest request(String checkoutId, Offer offer, Customer customer) {
        return new CheckoutRequest(checkoutId, offer, customer,
                URI.create("https://test.example/account/billing?checkout=" + checkoutId),
                URI.create("https://test.example/pricing"));
    }
}
