package dev.atelier.payment.stripe.internal;

import com.stripe.Stripe;
import dev.atelier.spi.payment.CheckoutRequest;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentEvent.Period;
import dev.atelier.spi.plugin.WebhookMessage;
import dev.atelier.spi.testkit.VendorEvent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhooks Stripe sends, as Stripe sends them: an Event of the library's API version whose {@code data.object} is
 * the documented object, signed in {@code Stripe-Signature} as {@code t=<unix time>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>" keyed by the endpoint's whsec_ secret>}.
 */
final class StripeVendor {

    private final String secret;

    StripeVendor(String secret) {
        this.secret = secret;
    }

    /** The deliveries Stripe makes when {@code event} happens. */
    List<WebhookMessage> webhooks(VendorEvent event, Instant sentAt) {
        long t = sentAt.getEpochSecond();
        if (event instanceof VendorEvent.CheckoutPaid paid) {
            CheckoutRequest request = paid.request();
            String customer = paid.checkout().providerCustomerId();
            if (!request.offer().recurring()) {
                return List.of(signed(event("checkout.session.completed", paid.eventId(), t,
                        completedSession(request, customer, null, t)), sentAt));
            }
            String subscription = paid.providerSubscriptionId();
            Period first = new Period(Instant.ofEpochSecond(StripeApiStubs.PERIOD_START),
                    Instant.ofEpochSecond(StripeApiStubs.PERIOD_END));
            return List.of(
                    signed(event("checkout.session.completed", paid.eventId(), t,
                            completedSession(request, customer, subscription, t)), sentAt),
                    signed(event("invoice.paid", paid.eventId() + "_invoice", t, invoice("in_" + request.checkoutId(),
                            "paid", "subscription_create", customer, subscription, request.checkoutId(),
                            request.offer(), first, t)), sentAt));
        }
        if (event instanceof VendorEvent.CheckoutDeclined declined) {
            return List.of(signed(event("checkout.session.expired", declined.eventId(), t,
                    expiredSession(declined.request(), declined.checkout().providerCustomerId(), t)), sentAt));
        }
        if (event instanceof VendorEvent.PeriodRenewed renewed) {
            String invoice = "in_" + renewed.eventId();
            String object = invoice(invoice, renewed.paid() ? "paid" : "open", "subscription_cycle",
                    renewed.providerCustomerId(), renewed.providerSubscriptionId(), "chk_unused", renewed.plan(),
                    renewed.next(), t);
            return List.of(signed(event(renewed.paid() ? "invoice.paid" : "invoice.payment_failed",
                    renewed.eventId(), t, object), sentAt));
        }
        if (event instanceof VendorEvent.Disputed disputed) {
            String status = disputed.opened() ? "needs_response" : disputed.won() ? "won" : "lost";
            return List.of(signed(event(disputed.opened() ? "charge.dispute.created" : "charge.dispute.closed",
                    disputed.eventId(), t, dispute(disputed, status, t)), sentAt));
        }
        VendorEvent.UnknownType unknown = (VendorEvent.UnknownType) event;
        return List.of(signed(event("customer.updated", unknown.eventId(), t, StripeApiStubs.customer()), sentAt));
    }

    /** An Event of stripe-java's API version around {@code object}. */
    static String event(String type, String id, long created, String object) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":%d,"data":{"object":%s},"livemode":false,
                 "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"%s"}
                """.formatted(id, Stripe.API_VERSION, created, object.strip(), type);
    }

    /** The message as it arrives: body and {@code Stripe-Signature} signed at {@code sentAt}. */
    WebhookMessage signed(String body, Instant sentAt) {
        long t = sentAt.getEpochSecond();
        String signature = "t=" + t + ",v1=" + hmac(secret, t + "." + body);
        return WebhookMessage.of(Map.of("Content-Type", "application/json; charset=utf-8",
                "Stripe-Signature", signature), body.getBytes(StandardCharsets.UTF_8), sentAt);
    }

    static String hmac(String key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }

    static String completedSession(CheckoutRequest request, String customer, String subscription, long created) {
        Offer offer = request.offer();
        boolean plan = subscription != null;
        return """
                {"id":"cs_test_%1$s","object":"checkout.session","amount_subtotal":%2$d,"amount_total":%2$d,
                 "cancel_url":"%3$s","client_reference_id":"%1$s","created":%4$d,"currency":"%5$s",
                 "customer":"%6$s","customer_details":{"email":"buyer@example.com","name":null,"phone":null,
                 "tax_exempt":"none","tax_ids":[]},"expires_at":%7$d,"invoice":%8$s,"livemode":false,
                 "metadata":{"atelier_checkout_id":"%1$s","atelier_offer_id":"%9$s"},"mode":"%10$s",
                 "payment_intent":%11$s,"payment_method_types":["card"],"payment_status":"paid","status":"complete",
                 "subscription":%12$s,"success_url":"%13$s","ui_mode":"hosted","url":null}
                """.formatted(request.checkoutId(), offer.amountMinor(), request.cancelUrl(), created, offer.currency(),
                customer, created + 86_400, plan ? quote("in_" + request.checkoutId()) : "null", offer.id(),
                plan ? "subscription" : "payment", plan ? "null" : quote("pi_" + request.checkoutId()),
                plan ? quote(subscription) : "null", request.successUrl());
    }

    static String expiredSession(CheckoutRequest request, String customer, long created) {
        return """
                {"id":"cs_test_%1$s","object":"checkout.session","amount_total":%2$d,"client_reference_id":"%1$s",
                 "created":%3$d,"currency":"%4$s","customer":"%5$s","expires_at":%6$d,"livemode":false,
                 "metadata":{"atelier_checkout_id":"%1$s","atelier_offer_id":"%7$s"},"mode":"%8$s",
                 "payment_intent":null,"payment_status":"unpaid","status":"expired","subscription":null,"url":null}
                """.formatted(request.checkoutId(), request.offer().amountMinor(), created - 86_400,
                request.offer().currency(), customer, created, request.offer().id(),
                request.offer().recurring() ? "subscription" : "payment");
    }

    /** An invoice of a subscription (since API 2025-03-31 it names it under parent.subscription_details). */
    static String invoice(String id, String status, String billingReason, String customer, String subscription,
            String checkoutId, Offer plan, Period period, long created) {
        boolean paid = status.equals("paid");
        return """
                {"id":"%1$s","object":"invoice","amount_due":%2$d,"amount_paid":%3$d,"amount_remaining":%4$d,
                 "attempt_count":1,"attempted":true,"billing_reason":"%5$s","collection_method":"charge_automatically",
                 "created":%6$d,"currency":"%7$s","customer":"%8$s","livemode":false,
                 "lines":{"object":"list","data":[{"id":"il_%1$s","object":"line_item","amount":%2$d,
                   "currency":"%7$s","description":"1 × %9$s (at $19.00 / month)","invoice":"%1$s",
                   "metadata":{},"parent":{"type":"subscription_item_details","subscription_item_details":{
                     "invoice_item":null,"proration":false,"subscription":"%10$s","subscription_item":"si_1Qcreator"}},
                   "period":{"end":%11$d,"start":%12$d},"quantity":1}],"has_more":false,"total_count":1,
                   "url":"/v1/invoices/%1$s/lines"},
                 "metadata":{},"parent":{"type":"subscription_details","quote_details":null,
                   "subscription_details":{"metadata":{"atelier_checkout_id":"%13$s","atelier_offer_id":"%14$s"},
                   "subscription":"%10$s"}},
                 "period_end":%6$d,"period_start":%6$d,"status":"%15$s",
                 "status_transitions":{"finalized_at":%6$d,"marked_uncollectible_at":null,"paid_at":%16$s,
                   "voided_at":null},"subtotal":%2$d,"total":%2$d}
                """.formatted(id, plan.amountMinor(), paid ? plan.amountMinor() : 0, paid ? 0 : plan.amountMinor(),
                billingReason, created, plan.currency(), customer, plan.name(), subscription,
                period.end().getEpochSecond(), period.start().getEpochSecond(), checkoutId, plan.id(), status,
                paid ? Long.toString(created) : "null");
    }

    static String dispute(VendorEvent.Disputed disputed, String status, long created) {
        return """
                {"id":"%s","object":"dispute","amount":%d,"balance_transactions":[],"charge":"ch_%s","created":%d,
                 "currency":"%s","evidence_details":{"due_by":%d,"has_evidence":false,"past_due":false,
                 "submission_count":0},"is_charge_refundable":false,"livemode":false,"metadata":{},
                 "payment_intent":"%s","reason":"fraudulent","status":"%s"}
                """.formatted(disputed.providerDisputeId(), disputed.amountMinor(), disputed.providerPaymentId(),
                created, disputed.currency().toLowerCase(), created + 7 * 86_400, disputed.providerPaymentId(),
                status);
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
