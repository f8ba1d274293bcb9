package dev.atelier.payment.stripe.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentEvent;
import dev.atelier.spi.payment.PaymentEvent.PaymentSucceeded;
import dev.atelier.spi.payment.PaymentEvent.Period;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionChanged;
import dev.atelier.spi.payment.PortalRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cancelling and changing plans through Stripe's Billing Portal: the portal opened on that step ({@code flow_data}),
 * and the events after a change naming the new plan by its price rather than the checkout's metadata.
 */
class StripePlanChangesTest extends StripeReplayTestBase {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final URI BACK = URI.create("https://test.example/account/billing");
    private static final Offer STUDIO = new Offer("studio", "Studio plan", Offer.Interval.MONTH, 4900, "usd", 2500,
            null);

    StripePlanChangesTest() {
        super(server);
    }

    @Test
    void manageOpensThePortalsStartPage() throws Exception {
        URI url = stripe.createPortalSession(new PortalRequest(StripeApiStubs.CUSTOMER, BACK), api.tenant()).url();

        assertThat(url.getHost()).isEqualTo("billing.stripe.com");
        server.verify(postRequestedFor(urlPathEqualTo("/v1/billing_portal/sessions"))
                .withFormParam("customer", equalTo(StripeApiStubs.CUSTOMER))
                .withFormParam("return_url", equalTo(BACK.toString()))
                .withFormParam("flow_data[type]", absent()));
    }

    @Test
    void cancelOpensThePortalOnTheSubscriptionsCancellationAndComesBack() throws Exception {
        stripe.createPortalSession(new PortalRequest(StripeApiStubs.CUSTOMER, BACK,
                new PortalRequest.Cancel("sub_1Qcreator")), api.tenant());

        server.verify(posted("/v1/billing_portal/sessions", """
                flow_data[type]=subscription_cancel
                flow_data[subscription_cancel][subscription]=sub_1Qcreator
                flow_data[after_completion][type]=redirect
                flow_data[after_completion][redirect][return_url]=%s
                """.formatted(BACK)));
    }

    @Test
    void aChangeOpensTheConfirmationOfTheSubscriptionsItemAtTheNewPlansPrice() throws Exception {
        stripe.createPortalSession(new PortalRequest(StripeApiStubs.CUSTOMER, BACK,
                new PortalRequest.ChangePlan("sub_1Qcreator", STUDIO)), api.tenant());

        server.verify(postRequestedFor(urlPathEqualTo("/v1/prices"))
                .withHeader("Idempotency-Key", equalTo("price-atelier-studio-4900-usd-month"))
                .withFormParam("metadata[atelier_offer_id]", equalTo("studio")));
        server.verify(posted("/v1/billing_portal/sessions", """
                flow_data[type]=subscription_update_confirm
                flow_data[subscription_update_confirm][subscription]=sub_1Qcreator
                flow_data[subscription_update_confirm][items][0][id]=si_1Qcreator
                flow_data[subscription_update_confirm][items][0][price]=%s
                flow_data[subscription_update_confirm][items][0][quantity]=1
                flow_data[after_completion][redirect][return_url]=%s
                """.formatted(StripeApiStubs.CREATED_PRICE, BACK)));
    }

    @Test
    void aSubscriptionMovedToAnotherPriceInThePortalNamesItsNewPlan() throws Exception {
        String moved = StripeApiStubs.subscription("sub_1Qcreator", "active", false)
                .replace("\"price\":{\"id\":\"price_1Qcreator\",\"object\":\"price\",",
                        "\"price\":{\"id\":\"price_1Qstudio\",\"object\":\"price\","
                                + "\"metadata\":{\"atelier_offer_id\":\"studio\"},");

        List<PaymentEvent> events = parse("customer.subscription.updated", "evt_1Qmoved", moved);

        assertThat(events).singleElement().isInstanceOfSatisfying(SubscriptionChanged.class,
                changed -> assertThat(changed.offerId()).as("not the checkout's metadata").isEqualTo("studio"));
    }

    @Test
    void aRenewalAfterAChangeIsPaidForThePlanItsPriceNames() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v1/prices/price_1Qstudio")).atPriority(1)
                .willReturn(StripeApiStubs.json(StripeApiStubs.price("price_1Qstudio", "studio", null))));
        Period next = new Period(Instant.ofEpochSecond(StripeApiStubs.PERIOD_END),
                Instant.ofEpochSecond(StripeApiStubs.PERIOD_END + 31 * 86_400L));
        // The subscription's metadata still says creator, from its checkout; the line bills the Studio price.
        String invoice = StripeVendor.invoice("in_1Qstudio", "paid", "subscription_cycle", StripeApiStubs.CUSTOMER,
                "sub_1Qcreator", "chk_plan_1", new Offer("creator", "Creator plan", Offer.Interval.MONTH, 4900, "usd",
                        800, null), next, StripeApiStubs.PERIOD_END)
                .replace("\"quantity\":1}]", "\"pricing\":{\"type\":\"price_details\",\"price_details\":"
                        + "{\"price\":\"price_1Qstudio\",\"product\":\"prod_1Qstudio\"},\"unit_amount_decimal\":"
                        + "\"4900\"},\"quantity\":1}]");

        PaymentSucceeded renewal = (PaymentSucceeded) parse("invoice.paid", "evt_1Qstudio", invoice).get(0);

        assertThat(renewal.offerId()).isEqualTo("studio");
        assertThat(renewal.period()).isEqualTo(next);
        assertThat(renewal.amountMinor()).isEqualTo(4900);
    }
}
