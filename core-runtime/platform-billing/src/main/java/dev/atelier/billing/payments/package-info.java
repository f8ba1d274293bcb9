/**
 * Payments: a tenant's offers (plans and top-ups), checkouts through the tenant's payment provider, and the provider's
 * events applied exactly once (payments granting credits, subscriptions starting, changing and ending).
 *
 * <p>Providers are plugins ({@code dev.atelier.spi.payment}); they only translate. Everything that changes state is
 * here: {@link dev.atelier.billing.payments.Payments} is the entry point the web layer uses.
 */
package dev.atelier.billing.payments;
