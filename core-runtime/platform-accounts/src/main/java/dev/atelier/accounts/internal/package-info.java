/**
 * Persistence of accounts. Callers use {@link dev.atelier.accounts.Accounts} and its records; entities never
 * leave this package.
 */
package dev.atelier.accounts.internal;
