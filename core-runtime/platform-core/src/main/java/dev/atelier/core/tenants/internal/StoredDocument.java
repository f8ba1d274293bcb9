package dev.atelier.core.tenants.internal;

/** The columns of {@code tenant} that a configuration change rewrites. */
public record StoredDocument(String displayName, String status, String document, String secrets, String logoAssetId,
        String faviconAssetId) {}
