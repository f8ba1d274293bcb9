/**
 * Tenants: the brands one deployment serves. {@link dev.atelier.core.tenants.TenantDirectory} finds them by host;
 * tenant folders under {@code tenant-configs/} define them declaratively.
 */
package dev.atelier.core.tenants;
