package dev.atelier.core.tenants;

/** Whether a tenant's site serves. */
public enum TenantStatus {
    /** Serving. */
    ACTIVE,
    /** Every page answers 503 "temporarily unavailable" in the tenant's branding; nothing is deleted. */
    SUSPENDED
}
