package dev.atelier.spi.payment;

import dev.atelier.spi.plugin.PluginService;
import dev.atelier.spi.plugin.WebhookMessage;
import dev.atelier.spi.tenant.TenantContext;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Takes payments for a tenant through one vendor (Stripe, a test sandbox, ...).
 *
 * <p>Implemented by plugin bundles, registered as an OSGi service under this interface with the service property
 * {@link #PROVIDER_ID}. Implementations must be thread-safe and keep no per-tenant state: the tenant's settings arrive
 * in every call's {@link TenantContext}, always the last parameter. Declare those settings (and the vendor that
 * processes payment data) in {@link PluginService#description()}.
 *
 * <p>Every method that talks to the vendor throws {@link PaymentException} when the vendor cannot be reached or
 * refuses; its message is logged for operators and never shown to end users.
 */
@ConsumerType
public interface PaymentProvider extends PluginService {

    /** Service property naming the provider, for example {@code "stripe"} or {@code "sandbox"}. Required. */
    String PROVIDER_ID = "atelier.payment.id";

    /**
     * Opens a checkout at the vendor where the customer pays for {@code request.offer()}: a subscription for a plan, a
     * single payment for a top-up. Creates the vendor's customer first when {@link Customer#providerCustomerId()} is
     * empty, keyed by the account id so that two concurrent calls for one account make one customer.
     *
     * @return where to send the customer, the vendor's id for the checkout, and the customer's vendor id
     */
    Checkout createCheckout(CheckoutRequest request, TenantContext tenant) throws PaymentException;

    /**
     * Opens the vendor's billing portal for a customer (payment methods, invoices, cancel, change of plan), on the
     * step {@link PortalRequest#intent()} names when the vendor can open one directly. The plan change or
     * cancellation made there comes back as the vendor's webhooks ({@link PaymentEvent.SubscriptionChanged},
     * {@link PaymentEvent.SubscriptionCanceled}). Providers without a portal throw {@link PaymentException} of kind
     * {@link PaymentException.Kind#NOT_SUPPORTED}.
     */
    PortalSession createPortalSession(PortalRequest request, TenantContext tenant) throws PaymentException;

    /**
     * Asks the vendor to give back all or part of a payment. Keyed by {@link RefundRequest#refundId()}: asked twice,
     * the vendor refunds once and both calls answer the same refund.
     */
    Refund refund(RefundRequest request, TenantContext tenant) throws PaymentException;

    /**
     * Checks a webhook's signature with the tenant's signing secret and turns it into normalized events. An event type
     * the platform does not use gives an empty list (the host answers 200 and ignores it).
     *
     * @throws InvalidWebhookException when the signature is missing, wrong or too old, or the body is not the vendor's
     *     event; the host answers 400 and changes nothing
     */
    List<PaymentEvent> parseWebhook(WebhookMessage message, TenantContext tenant) throws InvalidWebhookException;

    /**
     * Asks the vendor where something the host still holds as pending stands, for the reconciler (webhooks get lost):
     * the events the vendor's current state implies, with the same meaning as the webhook would have had. Nothing
     * happened yet gives an empty list. Event ids may differ from the webhook's: the host recognises an event it has
     * applied by its references (the payment, the subscription period, the refund), not only by its id.
     */
    List<PaymentEvent> lookUp(PendingReference pending, TenantContext tenant) throws PaymentException;
}
