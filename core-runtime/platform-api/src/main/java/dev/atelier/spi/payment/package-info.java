/**
 * Payment providers: how a tenant's users pay for plans (subscriptions) and top-ups (one-time credit packs).
 *
 * <p>Implement {@link dev.atelier.spi.payment.PaymentProvider} and register it as an OSGi service with the service
 * property {@value dev.atelier.spi.payment.PaymentProvider#PROVIDER_ID} naming it (for example {@code stripe} or
 * {@code sandbox}); a tenant chooses its provider by that name in {@code tenant.yaml} ({@code payments.provider}) and
 * gives it its own settings (keys, signing secret), which arrive in every call through
 * {@link dev.atelier.spi.tenant.TenantContext#pluginConfig()}.
 *
 * <h2>Who does what</h2>
 * A provider only <em>translates</em>: it opens checkouts and billing portals at its vendor, asks the vendor for
 * refunds, and turns the vendor's webhooks into normalized {@link dev.atelier.spi.payment.PaymentEvent}s. The host owns
 * every state change: it records each event id once, applies events in any order to the same end state, grants and
 * reverses credits, sends receipts, and reconciles what stayed pending by asking the provider again
 * ({@link dev.atelier.spi.payment.PaymentProvider#lookUp}). So a provider keeps no state of its own, and the same
 * event delivered twice, or late, is harmless.
 *
 * <h2>Idempotency</h2>
 * Every request that makes something at the vendor carries the host's own id for it
 * ({@link dev.atelier.spi.payment.CheckoutRequest#checkoutId()}, {@link dev.atelier.spi.payment.RefundRequest#refundId()},
 * the account id for a customer): pass it on as the vendor's idempotency key, so a retry after a timeout never makes a
 * second checkout, customer or refund.
 *
 * <h2>Testing a provider</h2>
 * Extend {@code dev.atelier.spi.testkit.PaymentProviderContract} from {@code platform-spi-testkit}: it checks the rules
 * above (ids passed through, forged webhooks refused, unknown event types ignored, every event carrying the
 * references the host needs) against your provider and a stand-in for its vendor.
 */
@Export
@Version("1.0.0")
package dev.atelier.spi.payment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
