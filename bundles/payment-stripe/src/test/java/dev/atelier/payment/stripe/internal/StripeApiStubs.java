package dev.atelier.payment.stripe.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.atelier.spi.testkit.TestTenantContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Stripe's API as WireMock replays it, answering with objects shaped like Stripe's documented ones (API version of
 * stripe-java 33.3.0). Creates only match when they carry the idempotency key the bundle owes (customer-, checkout-,
 * refund- followed by the host's id): a create without it finds no stub and fails. Ids in answers are derived from
 * those keys, so a retried create answers the same object, as Stripe does.
 */
final class StripeApiStubs {

    static final String SECRET_KEY = "sk_test_51AtelierContractKey0123456789";
    static final String WEBHOOK_SECRET = "whsec_atelierContractSigningSecret0123456789";
    static final String OTHER_WEBHOOK_SECRET = "whsec_someOtherEndpointsSigningSecret987654";
    /** The customer Stripe makes for the contract's account {@code acc_contract_1}. */
    static final String CUSTOMER = "cus_QcontractBuyer1";
    /** The first period of every subscription the stand-in shows: December 2026. */
    static final long PERIOD_START = 1_796_083_200L;
    static final long PERIOD_END = 1_798_761_600L;
    /** The price Stripe makes for a plan's first checkout. */
    static final String CREATED_PRICE = "price_1QcreatedForPlan";

    private final WireMockExtension server;

    StripeApiStubs(WireMockExtension server) {
        this.server = server;
    }

    TestTenantContext tenant() {
        return tenant(WEBHOOK_SECRET);
    }

    TestTenantContext tenant(String webhookSecret) {
        Map<String, String> config = new HashMap<>(Map.of("secret_key", SECRET_KEY, "webhook_secret", webhookSecret,
                "api_base", "http://localhost:" + server.getPort()));
        return TestTenantContext.withConfig(config);
    }

    /** Every endpoint the bundle calls, answering as Stripe would. */
    void replayStripe() {
        server.stubFor(post(urlPathEqualTo("/v1/customers"))
                .withHeader("Idempotency-Key", equalTo("customer-acc_contract_1"))
                .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY))
                .willReturn(json(customer())));
        server.stubFor(post(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", matching("checkout-chk_[A-Za-z0-9_-]+"))
                .willReturn(json(session("{{regexExtract request.headers.Idempotency-Key 'chk_[A-Za-z0-9_-]+'}}",
                        "open", "unpaid")).withTransformers("response-template")));
        server.stubFor(get(urlPathMatching("/v1/checkout/sessions/cs_test_[A-Za-z0-9_-]+"))
                .willReturn(json(session("{{regexExtract request.path 'chk_[A-Za-z0-9_-]+'}}", "open", "unpaid"))
                        .withTransformers("response-template")));
        // No price has a plan's lookup key yet: the first checkout of a plan creates it.
        server.stubFor(get(urlPathEqualTo("/v1/prices"))
                .willReturn(json("{\"object\":\"list\",\"data\":[],\"has_more\":false,\"url\":\"/v1/prices\"}")));
        server.stubFor(post(urlPathEqualTo("/v1/prices"))
                .withHeader("Idempotency-Key", matching("price-atelier-[a-z0-9-]+"))
                .willReturn(json(price(CREATED_PRICE, "creator", "atelier-creator"))));
        server.stubFor(post(urlPathMatching("/v1/prices/price_[A-Za-z0-9_]+"))
                .willReturn(json(price("{{request.pathSegments.[2]}}", "creator", null))
                        .withTransformers("response-template")));
        server.stubFor(get(urlPathMatching("/v1/prices/price_[A-Za-z0-9_]+"))
                .willReturn(json(price("{{request.pathSegments.[2]}}", "creator", null))
                        .withTransformers("response-template")));
        server.stubFor(post(urlPathEqualTo("/v1/billing_portal/sessions"))
                .willReturn(json(portalSession())));
        server.stubFor(post(urlPathEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", matching("refund-rfd_[A-Za-z0-9_-]+"))
                .willReturn(json(refund("re_{{regexExtract request.headers.Idempotency-Key 'rfd_[A-Za-z0-9_-]+'}}",
                        "pi_unused", "{{regexExtract request.headers.Idempotency-Key 'rfd_[A-Za-z0-9_-]+'}}", 250,
                        "succeeded")).withTransformers("response-template")));
        server.stubFor(get(urlPathMatching("/v1/subscriptions/sub_[A-Za-z0-9_-]+"))
                .willReturn(json(subscription("{{request.pathSegments.[2]}}", "active", false))
                        .withTransformers("response-template")));
        server.stubFor(get(urlPathEqualTo("/v1/invoice_payments"))
                .willReturn(json(invoicePayments("{{request.query.invoice}}"))
                        .withTransformers("response-template")));
        server.stubFor(get(urlPathMatching("/v1/payment_intents/pi_[A-Za-z0-9_-]+"))
                .willReturn(json(paymentIntent("{{request.pathSegments.[2]}}"))
                        .withTransformers("response-template")));
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_replayed").withBody(body);
    }

    static String customer() {
        return """
                {"id":"%s","object":"customer","address":null,"balance":0,"created":1795000000,"currency":null,
                 "default_source":null,"delinquent":false,"description":null,"email":"buyer@example.com",
                 "invoice_prefix":"8B1C2D3E","invoice_settings":{"custom_fields":null,"default_payment_method":null,
                 "footer":null,"rendering_options":null},"livemode":false,
                 "metadata":{"atelier_account_id":"acc_contract_1"},"name":null,"phone":null,
                 "preferred_locales":[],"shipping":null,"tax_exempt":"none","test_clock":null}
                """.formatted(CUSTOMER);
    }

    /** A Checkout Session for the host's checkout {@code checkoutId} (its id is derived from it). */
    static String session(String checkoutId, String status, String paymentStatus) {
        return """
                {"id":"cs_test_%1$s","object":"checkout.session","amount_subtotal":500,"amount_total":500,
                 "cancel_url":"https://test.example/account/billing","client_reference_id":"%1$s",
                 "created":1795996000,"currency":"usd","customer":"%2$s","customer_email":null,
                 "expires_at":1796082400,"invoice":null,"livemode":false,"locale":null,
                 "metadata":{"atelier_checkout_id":"%1$s","atelier_offer_id":"pack-500"},"mode":"payment",
                 "payment_intent":null,"payment_method_types":["card"],"payment_status":"%4$s",
                 "status":"%3$s","subscription":null,
                 "success_url":"https://test.example/account/billing?checkout=%1$s",
                 "ui_mode":"hosted","url":"https://checkout.stripe.com/c/pay/cs_test_%1$s#fidkdWxOYHwnPyd1blpxYHZxWjA"}
                """.formatted(checkoutId, CUSTOMER, status, paymentStatus);
    }

    static String portalSession() {
        return """
                {"id":"bps_1QcontractPortal","object":"billing_portal.session","configuration":"bpc_1Qcontract",
                 "created":1795996000,"customer":"%s","flow":null,"livemode":false,"locale":null,
                 "on_behalf_of":null,"return_url":"https://test.example/account/billing",
                 "url":"https://billing.stripe.com/p/session/test_YWNjdF8xUWNvbnRyYWN0"}
                """.formatted(CUSTOMER);
    }

    /** A monthly price of a plan, tagged with the plan's id (and made with {@code lookupKey}, or none). */
    static String price(String id, String offerId, String lookupKey) {
        return """
                {"id":"%s","object":"price","active":true,"billing_scheme":"per_unit","created":1795990000,
                 "currency":"usd","livemode":false,"lookup_key":%s,"metadata":{"atelier_offer_id":"%s"},
                 "nickname":null,"product":"prod_1Q%s","recurring":{"interval":"month","interval_count":1,
                 "meter":null,"usage_type":"licensed"},"tax_behavior":"unspecified","type":"recurring",
                 "unit_amount":1900,"unit_amount_decimal":"1900"}
                """.formatted(id, lookupKey == null ? "null" : "\"" + lookupKey + "\"", offerId, offerId);
    }

    static String refund(String id, String paymentIntent, String refundId, long amount, String status) {
        return """
                {"id":"%s","object":"refund","amount":%d,"balance_transaction":"txn_1Qrefund","charge":"ch_1Qpaid",
                 "created":1796000000,"currency":"usd","destination_details":{"card":{"type":"refund"},"type":"card"},
                 "metadata":{"atelier_refund_id":"%s"},"payment_intent":"%s","reason":null,"receipt_number":null,
                 "source_transfer_reversal":null,"status":"%s","transfer_reversal":null}
                """.formatted(id, amount, refundId, paymentIntent, status);
    }

    /** A subscription of the Creator plan in its first period (periods live on the items since API 2025-03-31). */
    static String subscription(String id, String status, boolean cancelAtPeriodEnd) {
        return """
                {"id":"%1$s","object":"subscription","billing_cycle_anchor":%3$d,"cancel_at":null,
                 "cancel_at_period_end":%5$s,"canceled_at":null,"collection_method":"charge_automatically",
                 "created":%3$d,"currency":"usd","customer":"%2$s","ended_at":null,
                 "items":{"object":"list","data":[{"id":"si_1Qcreator","object":"subscription_item","created":%3$d,
                   "current_period_end":%4$d,"current_period_start":%3$d,"metadata":{},
                   "price":{"id":"price_1Qcreator","object":"price","active":true,"currency":"usd",
                     "product":"prod_1Qcreator","recurring":{"interval":"month","interval_count":1,
                     "usage_type":"licensed"},"type":"recurring","unit_amount":1900},
                   "quantity":1,"subscription":"%1$s"}],"has_more":false,"total_count":1,
                   "url":"/v1/subscription_items?subscription=%1$s"},
                 "latest_invoice":"in_first_%1$s","livemode":false,
                 "metadata":{"atelier_checkout_id":"chk_contract","atelier_offer_id":"creator"},
                 "start_date":%3$d,"status":"%6$s"}
                """.formatted(id, CUSTOMER, PERIOD_START, PERIOD_END, cancelAtPeriodEnd, status);
    }

    /** The payments of invoice {@code invoice}: one paid payment intent, whose id is derived from the invoice's. */
    static String invoicePayments(String invoice) {
        return """
                {"object":"list","data":[{"id":"inpay_%1$s","object":"invoice_payment","amount_paid":1900,
                  "amount_requested":1900,"created":1796000000,"currency":"usd","invoice":"%1$s","is_default":true,
                  "livemode":false,"payment":{"type":"payment_intent","payment_intent":"pi_%1$s"},"status":"paid",
                  "status_transitions":{"canceled_at":null,"paid_at":1796000000}}],
                 "has_more":false,"url":"/v1/invoice_payments"}
                """.formatted(invoice);
    }

    static String paymentIntent(String id) {
        return """
                {"id":"%s","object":"payment_intent","amount":500,"amount_received":500,"currency":"usd",
                 "customer":"%s","latest_charge":"ch_1Qpaid","livemode":false,"metadata":{},
                 "payment_method_types":["card"],"status":"succeeded"}
                """.formatted(id, CUSTOMER);
    }
}
