package dev.atelier.payment.sandbox.internal;

import dev.atelier.spi.payment.SimulatedPayments;
import dev.atelier.spi.plugin.WebhookMessage;
import dev.atelier.spi.tenant.TenantContext;
import dev.atelier.spi.testkit.VendorEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** The sandbox's simulated vendor as the contract's stand-in: each vendor event is the simulation of the same name. */
final class SandboxVendor {

    private SandboxVendor() {}

    /** The webhook the sandbox sends for {@code event}, signed for {@code tenant} at {@code sentAt}. */
    static WebhookMessage webhook(VendorEvent event, Instant sentAt, TenantContext tenant) throws Exception {
        SandboxPayments vendor = new SandboxPayments(Clock.fixed(sentAt, ZoneOffset.UTC));
        if (event instanceof VendorEvent.UnknownType) {
            return signed("{\"events\":[{\"id\":\"" + event.eventId() + "\",\"type\":\"customer.updated\","
                    + "\"created\":\"" + sentAt + "\",\"customer\":\"sbx_cus_acc_1\"}]}", event.eventId(), sentAt,
                    tenant);
        }
        return vendor.simulate(simulation(event), event.eventId(), tenant);
    }

    /** {@code body} signed for {@code tenant} as the sandbox signs, whatever it holds. */
    static WebhookMessage signed(String body, String id, Instant sentAt, TenantContext tenant) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return WebhookMessage.of(Map.of(
                WebhookSignature.ID, id,
                WebhookSignature.TIMESTAMP, Long.toString(sentAt.getEpochSecond()),
                WebhookSignature.SIGNATURE, SandboxSettings.signature(tenant).sign(id, sentAt, bytes)),
                bytes, sentAt);
    }

    private static SimulatedPayments.Simulation simulation(VendorEvent event) {
        if (event instanceof VendorEvent.CheckoutPaid paid) {
            return new SimulatedPayments.CheckoutAnswered(paid.request(), paid.checkout().providerCheckoutId(),
                    paid.checkout().providerCustomerId(), true, paid.providerSubscriptionId());
        }
        if (event instanceof VendorEvent.CheckoutDeclined declined) {
            return new SimulatedPayments.CheckoutAnswered(declined.request(),
                    declined.checkout().providerCheckoutId(), declined.checkout().providerCustomerId(), false, null);
        }
        if (event instanceof VendorEvent.PeriodRenewed renewed) {
            return new SimulatedPayments.PeriodRenewed(renewed.plan(), renewed.providerCustomerId(),
                    renewed.providerSubscriptionId(), renewed.next(), renewed.paid());
        }
        VendorEvent.Disputed disputed = (VendorEvent.Disputed) event;
        return new SimulatedPayments.Disputed(disputed.providerCustomerId(), disputed.providerPaymentId(),
                disputed.providerDisputeId(), disputed.amountMinor(), disputed.currency(), disputed.opened(),
                disputed.won());
    }
}
