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
 * POSTed to {@code /api/v1/payments/stripe/webhook} credit the buyer once; a forged one changes nothing.
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
                .willReturn(json("{\"id\":\"" + CUSTOMER + "\",\"object\":\"customer\",\"created\":1796000000,"
                        + "\"email\":\"buyer@example.com\",\"livemode\":false,\"metadata\":{}}")));
        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", matching("checkout-chk_[0-9a-f]+"))
                .willReturn(json("{\"id\":\"cs_test_{{regexExtract request.headers.Idempotency-Key 'chk_[0-9a-f]+'}}\","
                        + "\"object\":\"checkout.session\",\"created\":1796000000,\"livemode\":false,"
                        + "\"mode\":\"payment\",\"payment_status\":\"unpaid\",\"status\":\"open\","
                        + "\"url\":\"https://checkout.stripe.com/c/pay/cs_test_e2e\"}")
                        .withTransformers("response-template")));
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
                + "\",\"created\":1796000000,\"currency\":\"usd\",\"customer\":\"" + CUSTOMER + "\","
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
        String checkoutId = openCheckout(buyer, "creator").get("id").asText();
        String subscription = "sub_e2e_" + checkoutId.substring(4, 16);

        String completed = event("evt_e2e_plan", "checkout.session.completed", "{\"id\":\"cs_test_" + checkoutId
                + "\",\"object\":\"checkout.session\",\"amount_total\":1900,\"client_reference_id\":\""
                + checkoutId + "\",\"created\":1796000000,\"currency\":\"usd\",\"customer\":\"" + CUSTOMER + "\","
                + "\"metadata\":{\"atelier_checkout_id\":\"" + checkoutId + "\",\"atelier_offer_id\":\"creator\"},"
                + "\"mode\":\"subscription\",\"payment_status\":\"paid\",\"status\":\"complete\","
                + "\"subscription\":\"" + subscription + "\"}");
        String paid = invoicePaid("evt_e2e_plan_invoice", "in_e2e_plan", checkoutId, subscription);

        // The invoice may come first: the credits follow the payment either way.
        assertThat(deliver(paid, SECRET).statusCode()).isEqualTo(200);
        assertThat(deliver(completed, SECRET).statusCode()).isEqualTo(200);

        JsonNode current = buyer.json("/api/v1/billing/subscription").get("subscription");
        assertThat(current.get("plan").asText()).isEqualTo("creator");
        assertThat(current.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(platform.balance(buyer)).isEqualTo(800);
    }

    @Test
    void aPlanCanceledAtStripeMailsOnceWhenItWillEndAndOnceThatItEndedAndUntilWhenItsCreditsLast()
            throws Exception {
        User buyer = platform.user(SLUG, 0);
        String email = platform.atelier().accounts().accounts().find(buyer.tenantId(), buyer.accountId())
                .orElseThrow().email();
        String checkoutId = openCheckout(buyer, "creator").get("id").asText();
        String subscription = "sub_e2e_end_" + checkoutId.substring(4, 16);
        assertThat(deliver(invoicePaid("evt_e2e_end_invoice", "in_e2e_end", checkoutId, subscription), SECRET)
                .statusCode()).isEqualTo(200);
        String scheduled = event("evt_e2e_end_scheduled", "customer.subscription.updated", "{\"id\":\""
                + subscription + "\",\"object\":\"subscription\",\"customer\":\"" + CUSTOMER + "\","
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
                + "\",\"object\":\"subscription\",\"customer\":\"" + CUSTOMER + "\",\"status\":\"canceled\","
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

    /** Stripe's {@code invoice.paid} of a plan's first period, bought through {@code checkoutId}. */
    private static String invoicePaid(String eventId, String invoiceId, String checkoutId, String subscription) {
        return event(eventId, "invoice.paid", "{\"id\":\"" + invoiceId + "\",\"object\":\"invoice\","
                + "\"amount_paid\":1900,\"billing_reason\":\"subscription_create\",\"created\":1796000000,"
                + "\"currency\":\"usd\",\"customer\":\"" + CUSTOMER + "\",\"lines\":{\"object\":\"list\",\"data\":"
                + "[{\"id\":\"il_e2e\",\"object\":\"line_item\",\"amount\":1900,\"currency\":\"usd\",\"period\":"
                + "{\"start\":" + PERIOD_START + ",\"end\":" + PERIOD_END + "}}]},\"parent\":{\"type\":"
                + "\"subscription_details\",\"subscription_details\":{\"metadata\":{\"atelier_checkout_id\":\""
                + checkoutId + "\",\"atelier_offer_id\":\"creator\"},\"subscription\":\"" + subscription + "\"}},"
                + "\"status\":\"paid\"}");
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
