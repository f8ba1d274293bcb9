/**
 * Persistence of accounts. Callers use {@link dev.atelier.core.accounts.Accounts} and its records; entities never
 * leave this package.
 */
package dev.atelier.core.accounts.internal;
