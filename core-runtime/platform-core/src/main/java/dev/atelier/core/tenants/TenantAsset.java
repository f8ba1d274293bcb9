package dev.atelier.core.tenants;

/**
 * A file of a tenant's folder ({@code assets/logo.svg}), served under a content-hashed URL.
 *
 * @param sha256 lower-case hex SHA-256 of {@code bytes}; also the asset's id
 * @param path where it lives in the tenant folder ({@code assets/logo.svg})
 * @param contentType media type from the file name ({@code image/svg+xml})
 * @param bytes the content
 */
public record TenantAsset(String sha256, String path, String contentType, byte[] bytes) {

    public TenantAsset {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Same as {@link #sha256()}: asset ids are content hashes. */
    public String id() {
        return sha256;
    }
}
