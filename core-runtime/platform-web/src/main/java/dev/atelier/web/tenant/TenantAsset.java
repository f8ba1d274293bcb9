package dev.atelier.web.tenant;

/**
 * A file a tenant stored (logo, favicon).
 *
 * @param contentType e.g. {@code image/svg+xml}, {@code image/png}
 * @param bytes the content; callers do not modify it
 * @param sha256 lower-case hex SHA-256 of {@code bytes}
 */
public record TenantAsset(String contentType, byte[] bytes, String sha256) {}
