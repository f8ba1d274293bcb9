package dev.atelier.core.tenants;

/**
 * What {@link TenantModule#resealSecrets()} did.
 *
 * @param tenants tenants whose secrets were looked at
 * @param resealed secrets sealed again with the current key
 * @param alreadyCurrent secrets already sealed with the current key, left as they were
 * @param keyId id of the current key, which now seals every stored secret
 */
public record ResealReport(int tenants, int resealed, int alreadyCurrent, String keyId) {}
