/**
 * The credit ledger of each account ({@link dev.atelier.billing.credits.CreditLedger}): append-only entries from which a
 * balance is derived, never a stored number that could drift. Grants add credits (sign-up bonus, plan, top-up), a
 * generation holds its price while it waits and runs, captures it when it succeeds and releases it on any other end.
 * Every entry carries an idempotency key, so a retried write moves no credit twice. Every call names its tenant.
 */
package dev.atelier.billing.credits;
