/**
 * The audit log of a tenant's admin area: who changed what, when, and in which request
 * ({@link dev.atelier.accounts.audit.AdminAudit}). Entries are written once, never changed, and visible only in
 * their tenant.
 */
package dev.atelier.accounts.audit;
