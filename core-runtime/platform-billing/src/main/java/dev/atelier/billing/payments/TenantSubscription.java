package dev.atelier.billing.payments;

/** A subscription as a tenant admin sees it: with its buyer's email ({@code null} once the account is erased). */
public record TenantSubscription(SubscriptionRecord subscription, String buyerEmail) {}
