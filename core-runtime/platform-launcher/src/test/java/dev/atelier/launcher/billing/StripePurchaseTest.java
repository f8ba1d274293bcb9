package dev.atelier.launcher.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.atelier.launcher.platform.Mail;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.TestPlatformBuilder;
import dev.atelier.launcher.platform.User;
import dev.atelier.plugins.PluginKinds;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Buying through the Stripe bundle inside the real platform: the API opens a Checkout Session at Stripe (replayed by
 * WireMock with Stripe's documented objects, created under the host's idempotency keys), and Stripe's signed webhooks
 * POSTed to {@code /api/v1/payments/stripe/webhook} credit the buyer once; a forged one changes nothing. A plan changed
 * in Stripe's Billing Portal (opened on the change's confirmation) shows the new plan, whose credits come with the
 * next period.
 */
class StripePurchaseTest {

    private static final String SLUG = "stripestudio";
    private static final String SECRET = "whsec_e2eEndpointSigningSecret0123456789abc";
    private static final String CUSTOMER = "cus_Qe2eBuyer";
    private static final long PERIOD_START = 1_796_083_200L;
    private static final long PERIOD_END = 1_798_761_600L;

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles().wireMock().mail()
            .bundle("payment-stripe.jar")
            .studio(SLUG, "{id: procedural, credits: 1}", """
                    plans:
                      - {id: creator, name: Creator, price: {amount: 1900, currency: USD}, interval: month, credits: 800}
                      - {id: studio, name: Studio, price: {amount: 4900, currency: USD}, interval: month, credits: 2500}
                      - {id: topup-200, name: "200 credits", price: {amount: 700, currency: USD}, credits: 200}
                    payment:
                      plugin: stripe
                      config: {secret_key: sk_test_e2eKey, webhook_secret: %s, api_base: '%s'}
                    """.formatted(SECRET, TestPlatformBuilder.WIREMOCK_URL))
            .build();

    @BeforeAll
    static void stripeDeployed() {
        await().atMost(Duration.ofSeconds(20)).until(() -> platform.atelier().plugins().plugins(PluginKinds.PAYMENTS)
                .find("stripe").isPresent());
    }

    @BeforeEach
    void replayStripe() {
        WireMockServer stripe = platform.wireMock();
        stripe.stubFor(post(urlPathEqualTo("/v1/customers"))
                .withHeader("Idempotency-Key", matching("customer-.+"))
                .withHeader("Authorization", equalTo("Bearer sk_test_e2eKey"))
                .willReturn(json("{\"id\":\"cus_e2e_{{regexExtract request.headers.Idempotency-Key 'acc_[0-9a-f]+'}}\","
                        + "\"object\":\"customer\",\"created\":1796000000,"
                        + "\"email\":\"buyer@example.com\",\"livemode\":false,\"metadata\":{}}")
                        .withTransformers("response-template")));
        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", matching("checkout-chk_[0-9a-f]+"))
                .willReturn(json("{\"id\":\"cs_test_{{regexExtract request.headers.Idempotency-Key 'chk_[0-9a-f]+'}}\","
                        + "\"object\":\"checkout.session\",\"created\":1796000000,\"livemode\":false,"
                        + "\"mode\":\"payment\",\"payment_status\":\"unpaid\",\"status\":\"open\","
                        + "\"url\":\"https://checkout.stripe.com/c/pay/cs_test_e2e\"}")
                        .withTransformers("response-template")));
        // A plan is billed at a price object, created at Stripe on the plan's first checkout.
        stripe.stubFor(get(urlPathEqualTo("/v1/prices"))
                .willReturn(json("{\"object\":\"list\",\"data\":[],\"has_more\":false}")));
        stripe.stubFor(post(urlPathEqualTo("/v1/prices"))
                .withHeader("Idempotency-Key", matching("price-atelier-.+"))
                .willReturn(json("{\"id\":\"price_e2e\",\"object\":\"price\",\"active\":true,"
                        + "\"currency\":\"usd\",\"unit_amount\":1900,\"type\":\"recurring\","
                        + "\"metadata\":{\"atelier_offer_id\":\"creator\"}}")));
        stripe.stubFor(post(urlPathEqualTo("/v1/billing_portal/sessions"))
                .willReturn(json("{\"id\":\"bps_e2e\",\"object\":\"billing_portal.session\",\"customer\":\""
                        + CUSTOMER + "\",\"livemode\":false,\"url\":\"https://billing.stripe.com/p/session/test_e2e\"}")));
        stripe.stubFor(get(urlPathMatching("/v1/subscriptions/sub_[A-Za-z0-9_]+"))
                .willReturn(json("{\"id\":\"{{request.pathSegments.[2]}}\",\"object\":\"subscription\","
                        + "\"customer\":\"" + CUSTOMER + "\",\"status\":\"active\",\"cancel_at_period_end\":false,"
                        + "\"items\":{\"object\":\"list\",\"data\":[{\"id\":\"si_e2e\",\"object\":\"subscription_item\","
                        + "\"current_period_start\":" + PERIOD_START + ",\"current_period_end\":" + PERIOD_END + "}]},"
                        + "\"metadata\":{\"atelier_offer_id\":\"creator\"}}").withTransformers("response-template")));
        stripe.stubFor(get(urlPathEqualTo("/v1/invoice_payments"))
                .willReturn(json("{\"object\":\"list\",\"data\":[{\"id\":\"inpay_e2e\",\"object\":\"invoice_payment\","
                        + "\"invoice\":\"{{request.query.invoice}}\",\"status\":\"paid\",\"payment\":{\"type\":"
                        + "\"payment_intent\",\"payment_intent\":\"pi_{{request.query.invoice}}\"}}],"
                        + "\"has_more\":false}").withTransformers("response-template")));
    }

    @Test
    void aTopUpPaidAtStripeIsCreditedOnceAndAForgedWebhookChangesNothing() throws Exception {
        User buyer = platform.user(SLUG, 0);
        JsonNode checkout = openCheckout(buyer, "topup-200");
        String checkoutId = checkout.get("id").asText();
        assertThat(checkout.get("url").asText()).startsWith("https://checkout.stripe.com/");
        platform.wireMock().verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", equalTo("checkout-" + checkoutId)));

        String completed = event("evt_e2e_topup", "checkout.session.completed", "{\"id\":\"cs_test_" + checkoutId
                + "\",\"object\":\"checkout.session\",\"amount_total\":700,\"client_reference_id\":\"" + checkoutId
                + "\",\"created\":1796000000,\"currency\":\"usd\",\"customer\":\"" + customerOf(buyer) + "\","
                + "\"metadata\":{\"atelier_checkout_id\":\"" + checkoutId + "\",\"atelier_offer_id\":\"topup-200\"},"
                + "\"mode\":\"payment\",\"payment_intent\":\"pi_e2e_topup\",\"payment_status\":\"paid\","
                + "\"status\":\"complete\"}");

        assertThat(deliver(completed, "whsec_notThisEndpointsSecret000000000").statusCode()).isEqualTo(400);
        assertThat(platform.balance(buyer)).isZero();
        assertThat(deliver(completed, SECRET).statusCode()).isEqualTo(200);
        assertThat(deliver(completed, SECRET).statusCode()).isEqualTo(200);
        assertThat(platform.balance(buyer)).isEqualTo(200);
    }

    @Test
    void aPlanPaidAtStripeStartsTheSubscriptionAndGrantsItsFirstPeriod() throws Exception {
        User buyer = platform.user(SLUG, 0);

        // The invoice may come first: the credits follow the payment either way.
        subscribe(buyer, true);

        JsonNode current = buyer.json("/api/v1/billing/subscription").get("subscription");
        assertThat(current.get("plan").asText()).isEqualTo("creator");
        assertThat(current.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(platform.balance(buyer)).isEqualTo(800);
    }

    @Test
    void aPlanChangedInStripesPortalShowsTheNewPlanAndItsNextPeriodGrantsTheNewCredits() throws Exception {
        User buyer = platform.user(SLUG, 0);
        String subscription = subscribe(buyer, false);

        HttpResponse<String> portal = User.send(buyer.script("/api/v1/billing/portal-sessions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"intent\":\"change\",\"offer\":\"studio\"}")));
        assertThat(portal.statusCode()).as(portal.body()).isEqualTo(201);
        assertThat(User.parse(portal).get("url").asText()).startsWith("https://billing.stripe.com/");
        platform.wireMock().verify(postRequestedFor(urlPathEqualTo("/v1/billing_portal/sessions"))
                .withFormParam("flow_data[type]", equalTo("subscription_update_confirm"))
                .withFormParam("flow_data[subscription_update_confirm][subscription]", equalTo(subscription))
                .withFormParam("flow_data[subscription_update_confirm][items][0][id]", equalTo("si_e2e")));

        // What Stripe sends once the customer confirmed: the subscription's item is now at the Studio price.
        String moved = "{\"id\":\"" + subscription + "\",\"object\":\"subscription\",\"customer\":\"" + customerOf(buyer)
                + "\",\"status\":\"active\",\"cancel_at_period_end\":false,\"items\":{\"object\":\"list\","
                + "\"data\":[{\"id\":\"si_e2e\",\"object\":\"subscription_item\",\"current_period_start\":"
                + PERIOD_START + ",\"current_period_end\":" + PERIOD_END + ",\"price\":{\"id\":\"price_e2e_studio\","
                + "\"object\":\"price\",\"metadata\":{\"atelier_offer_id\":\"studio\"}}}]},"
                + "\"metadata\":{\"atelier_offer_id\":\"creator\"}}";
        assertThat(deliver(event("evt_e2e_moved", "customer.subscription.updated", moved), SECRET).statusCode())
                .isEqualTo(200);
        assertThat(buyer.json("/api/v1/billing/subscription").get("subscription").get("plan").asText())
                .isEqualTo("studio");
        assertThat(platform.balance(buyer)).as("the paid period keeps its credits").isEqualTo(800);

        platform.wireMock().stubFor(get(urlPathEqualTo("/v1/prices/price_e2e_studio"))
                .willReturn(json("{\"id\":\"price_e2e_studio\",\"object\":\"price\",\"active\":true,"
                        + "\"currency\":\"usd\",\"unit_amount\":4900,\"metadata\":{\"atelier_offer_id\":\"studio\"}}")));
        long nextEnd = PERIOD_END + 31 * 86_400L;
        String renewal = invoice("in_e2e_studio", "subscription_cycle", 4900, PERIOD_END, nextEnd, "chk_first",
                subscription, customerOf(buyer)).replace("\"period\":", "\"pricing\":{\"type\":\"price_details\",\"price_details\":"
                        + "{\"price\":\"price_e2e_studio\",\"product\":\"prod_e2e\"}},\"period\":");
        assertThat(deliver(event("evt_e2e_studio_renewal", "invoice.paid", renewal), SECRET).statusCode())
                .isEqualTo(200);

        assertThat(platform.balance(buyer)).isEqualTo(800 + 2500);
    }

    /** Buys the Creator plan through Stripe's webhooks; the invoice first when {@code invoiceFirst}. */
    private static String subscribe(User buyer, boolean invoiceFirst) throws Exception {
        String checkoutId = openCheckout(buyer, "creator").get("id").asText();
        String customer = customerOf(buyer);
        String subscription = "sub_e2e_" + checkoutId.substring(4, 16);
        String completed = event("evt_e2e_plan_" + checkoutId, "checkout.session.completed", "{\"id\":\"cs_test_"
                + checkoutId + "\",\"object\":\"checkout.session\",\"amount_total\":1900,\"client_reference_id\":\""
                + checkoutId + "\",\"created\":1796000000,\"currency\":\"usd\",\"customer\":\"" + customer + "\","
                + "\"metadata\":{\"atelier_checkout_id\":\"" + checkoutId + "\",\"atelier_offer_id\":\"creator\"},"
                + "\"mode\":\"subscription\",\"payment_status\":\"paid\",\"status\":\"complete\","
                + "\"subscription\":\"" + subscription + "\"}");
        String paid = event("evt_e2e_plan_invoice_" + checkoutId, "invoice.paid", invoice("in_e2e_" + checkoutId,
                "subscription_create", 1900, PERIOD_START, PERIOD_END, checkoutId, subscription, customer));
        for (String event : invoiceFirst ? new String[] {paid, completed} : new String[] {completed, paid}) {
            assertThat(deliver(event, SECRET).statusCode()).isEqualTo(200);
        }
        return subscription;
    }

    /** The Stripe customer the replayed API makes for the buyer's account. */
    private static String customerOf(User buyer) {
        return "cus_e2e_" + buyer.accountId();
    }

    /** A paid invoice of the subscription, shaped as Stripe's (the subscription under parent.subscription_details). */
    private static String invoice(String id, String billingReason, long amount, long start, long end,
            String checkoutId, String subscription, String customer) {
        return "{\"id\":\"" + id + "\",\"object\":\"invoice\",\"amount_paid\":" + amount + ",\"billing_reason\":\""
                + billingReason + "\",\"created\":1796000000,\"currency\":\"usd\",\"customer\":\"" + customer
                + "\",\"lines\":{\"object\":\"list\",\"data\":[{\"id\":\"il_" + id + "\",\"object\":\"line_item\","
                + "\"amount\":" + amount + ",\"currency\":\"usd\",\"period\":{\"start\":" + start + ",\"end\":" + end
                + "}}]},\"parent\":{\"type\":\"subscription_details\",\"subscription_details\":{\"metadata\":"
                + "{\"atelier_checkout_id\":\"" + checkoutId + "\",\"atelier_offer_id\":\"creator\"},\"subscription\":\""
                + subscription + "\"}},\"status\":\"paid\"}";
    }

    @Test
    void aPlanCanceledAtStripeMailsOnceWhenItWillEndAndOnceThatItEndedAndUntilWhenItsCreditsLast()
            throws Exception {
        User buyer = platform.user(SLUG, 0);
        String email = platform.atelier().accounts().accounts().find(buyer.tenantId(), buyer.accountId())
                .orElseThrow().email();
        String subscription = subscribe(buyer, true);
        String scheduled = event("evt_e2e_end_scheduled", "customer.subscription.updated", "{\"id\":\""
                + subscription + "\",\"object\":\"subscription\",\"customer\":\"" + customerOf(buyer) + "\","
                + "\"status\":\"active\",\"cancel_at_period_end\":true,\"items\":{\"object\":\"list\",\"data\":"
                + "[{\"id\":\"si_e2e\",\"object\":\"subscription_item\",\"current_period_start\":" + PERIOD_START
                + ",\"current_period_end\":" + PERIOD_END + "}]},\"metadata\":{\"atelier_offer_id\":\"creator\"}}");
        assertThat(deliver(scheduled, SECRET).statusCode()).isEqualTo(200);
        assertThat(deliver(scheduled, SECRET).statusCode()).isEqualTo(200);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US).withZone(ZoneOffset.UTC);
        Mail ending = platform.mail().awaitOne(email, "Your " + SLUG + " studio Creator plan is canceled and ends on "
                + day.format(Instant.ofEpochSecond(PERIOD_END)));
        assertThat(ending.linkPath()).isEqualTo("/account/billing");
        long endedAt = PERIOD_START + 3 * 86_400;
        String deleted = event("evt_e2e_end", "customer.subscription.deleted", "{\"id\":\"" + subscription
                + "\",\"object\":\"subscription\",\"customer\":\"" + customerOf(buyer) + "\",\"status\":\"canceled\","
                + "\"cancel_at_period_end\":false,\"canceled_at\":" + endedAt + ",\"ended_at\":" + endedAt + ","
                + "\"metadata\":{\"atelier_offer_id\":\"creator\"}}");

        assertThat(deliver(deleted, SECRET).statusCode()).isEqualTo(200);
        assertThat(deliver(deleted, SECRET).statusCode()).isEqualTo(200);

        String subject = "Your " + SLUG + " studio Creator plan has ended";
        Mail ended = platform.mail().waitFor(email, subject, 1).get(0);
        assertThat(ended.text()).contains("ended on " + day.format(Instant.ofEpochSecond(endedAt)),
                "until " + day.format(Instant.ofEpochSecond(PERIOD_END)));
        assertThat(ended.linkPath()).isEqualTo("/pricing");
        assertThat(buyer.json("/api/v1/billing/subscription").get("subscription").isNull())
                .as("no current plan any more").isTrue();
        assertThat(platform.mail().to(email, subject)).as("the second delivery mailed nothing").hasSize(1);
    }

    private static JsonNode openCheckout(User buyer, String offer) throws Exception {
        HttpResponse<String> created = User.send(buyer.script("/api/v1/billing/checkouts")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"offer\":\"" + offer + "\"}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return User.parse(created);
    }

    private static String event(String id, String type, String object) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"data\":{\"object\":" + object + "},\"livemode\":false,"
                + "\"pending_webhooks\":1,\"request\":{\"id\":null,\"idempotency_key\":null},\"type\":\"" + type
                + "\"}";
    }

    /** POSTs {@code body} to the tenant's Stripe webhook, signed as Stripe signs with {@code secret}. */
    private static HttpResponse<String> deliver(String body, String secret) throws Exception {
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String v1 = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port()
                        + "/api/v1/payments/stripe/webhook"))
                .timeout(Duration.ofSeconds(30))
                .header("Host", TestPlatform.hostOf(SLUG) + ":" + platform.port())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Stripe-Signature", "t=" + t + ",v1=" + v1)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return User.HTTP_CLIENT().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
