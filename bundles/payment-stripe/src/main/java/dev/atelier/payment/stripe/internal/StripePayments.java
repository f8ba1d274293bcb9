package dev.atelier.payment.stripe.internal;

import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.param.RefundCreateParams;
import dev.atelier.spi.payment.Checkout;
import dev.atelier.spi.payment.CheckoutRequest;
import dev.atelier.spi.payment.InvalidWebhookException;
import dev.atelier.spi.payment.PaymentEvent;
import dev.atelier.spi.payment.PaymentException;
import dev.atelier.spi.payment.PaymentProvider;
import dev.atelier.spi.payment.PendingReference;
import dev.atelier.spi.payment.PortalRequest;
import dev.atelier.spi.payment.PortalSession;
import dev.atelier.spi.payment.Refund;
import dev.atelier.spi.payment.RefundRequest;
import dev.atelier.spi.plugin.DataCategory;
import dev.atelier.spi.plugin.DataProcessorDisclosure;
import dev.atelier.spi.plugin.InvalidSettingsException;
import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.plugin.WebhookMessage;
import dev.atelier.spi.tenant.TenantContext;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Payments through Stripe: hosted Checkout for plans (subscriptions) and top-ups (single payments), the Billing
 * Portal, refunds, and Stripe's signed webhooks turned into the platform's events. Keeps no state: each call makes a
 * client from the tenant's settings, every create is keyed by the host's own id, and the host's ids travel in Stripe
 * metadata so that events name them.
 */
@Component(service = PaymentProvider.class, property = PaymentProvider.PROVIDER_ID + "=" + StripePayments.ID)
public final class StripePayments implements PaymentProvider {

    /** The provider id tenants choose Stripe by. */
    public static final String ID = "stripe";

    private static final PluginDescription DESCRIPTION = new PluginDescription(StripeSettings.SCHEMA, List.of(
            new DataProcessorDisclosure("Stripe, Inc.", "Stripe",
                    Set.of(DataCategory.ACCOUNT_DETAILS, DataCategory.PAYMENT_DETAILS),
                    "Processes payments for plans and credit packs", "United States",
                    URI.create("https://stripe.com/privacy"))));

    private final Clock clock;

    /** Component constructor. */
    public StripePayments() {
        this(Clock.systemUTC());
    }

    /** With the clock that dates look-ups of a subscription's current state. */
    StripePayments(Clock clock) {
        this.clock = clock;
    }

    @Override
    public PluginDescription description() {
        return DESCRIPTION;
    }

    @Override
    public Checkout createCheckout(CheckoutRequest request, TenantContext tenant) throws PaymentException {
        return CheckoutSessions.open(StripeSettings.of(tenant).client(), request);
    }

    @Override
    public PortalSession createPortalSession(PortalRequest request, TenantContext tenant) throws PaymentException {
        return PortalSessions.open(StripeSettings.of(tenant).client(), request);
    }

    @Override
    public Refund refund(RefundRequest request, TenantContext tenant) throws PaymentException {
        RefundCreateParams.Builder params = RefundCreateParams.builder()
                .setPaymentIntent(request.providerPaymentId())
                .setAmount(request.amountMinor())
                .putMetadata(Metadata.REFUND, request.refundId());
        if (!request.reason().isBlank()) {
            params.putMetadata(Metadata.REASON, request.reason());
        }
        com.stripe.model.Refund refund;
        try {
            refund = StripeSettings.of(tenant).client().v1().refunds().create(params.build(),
                    IdempotencyKeys.refund(request.refundId()));
        } catch (StripeException e) {
            throw StripeFailures.of("refunding payment " + request.providerPaymentId(), e);
        }
        return new Refund(refund.getId(), status(refund.getStatus()));
    }

    @Override
    public List<PaymentEvent> parseWebhook(WebhookMessage message, TenantContext tenant)
            throws InvalidWebhookException {
        String secret;
        try {
            secret = StripeSettings.webhookSecret(tenant);
        } catch (InvalidSettingsException e) {
            throw new InvalidWebhookException("No Stripe webhook is believed without valid settings: "
                    + e.getMessage(), e);
        }
        Event event = StripeWebhooks.verify(message, secret);
        StripeObject object = StripeWebhooks.object(event);
        try {
            return new StripeEvents(new StripeReads(StripeSettings.of(tenant).client())).translate(event, object);
        } catch (StripeException | PaymentException e) {
            // Believed but not yet readable in full: the host answers 5xx and Stripe delivers it again later.
            throw new StripeUnavailableException("Stripe event " + event.getId() + " (" + event.getType()
                    + ") needs a read from Stripe that failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<PaymentEvent> lookUp(PendingReference pending, TenantContext tenant) throws PaymentException {
        try {
            return new Lookups(new StripeReads(StripeSettings.of(tenant).client()), clock).lookUp(pending);
        } catch (StripeException e) {
            throw StripeFailures.of("looking up " + pending.kind() + " " + pending.providerId(), e);
        }
    }

    /** Stripe's refund statuses; {@code requires_action} waits for the customer, so it is pending. */
    static Refund.Status status(String stripeStatus) {
        return switch (stripeStatus == null ? "" : stripeStatus) {
            case "succeeded" -> Refund.Status.SUCCEEDED;
            case "failed", "canceled" -> Refund.Status.FAILED;
            default -> Refund.Status.PENDING;
        };
    }
}
