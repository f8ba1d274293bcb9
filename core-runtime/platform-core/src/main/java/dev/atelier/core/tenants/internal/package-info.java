/**
 * Persistence and implementation of tenants. Callers use the records and services of
 * {@link dev.atelier.core.tenants}; entities never leave this package.
 */
package dev.atelier.core.tenants.internal;
