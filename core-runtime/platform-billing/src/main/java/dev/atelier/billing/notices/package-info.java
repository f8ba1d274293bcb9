/**
 * What the platform tells an account's owner about their billing (receipts, renewals, failed payments, cancellations,
 * refunds, a low credit balance), raised by the code that changes the money or credits and handed to
 * {@link dev.atelier.billing.notices.BillingNotices} on that change's own transaction, so a notice exists exactly when
 * its change committed.
 */
package dev.atelier.billing.notices;
