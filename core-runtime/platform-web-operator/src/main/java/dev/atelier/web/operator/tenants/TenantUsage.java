package dev.atelier.web.operator.tenants;

/**
 * How much a tenant is used, as the operator's tenant list shows it.
 *
 * @param users accounts of the tenant
 * @param jobsLastDay generations submitted in the last 24 hours
 * @param jobsLastMonth generations submitted in the last 30 days
 * @param creditsSpentLastMonth credits captured for generations in the last 30 days
 */
public record TenantUsage(long users, long jobsLastDay, long jobsLastMonth, long creditsSpentLastMonth) {

    /** A tenant nobody used yet. */
    public static final TenantUsage NONE = new TenantUsage(0, 0, 0, 0);
}
