/**
 * Storage backends: where uploads and generated media are kept (local disk, any S3-compatible service, ...).
 *
 * <p>Implement {@link dev.atelier.spi.storage.StorageBackend} and register it as an OSGi service with the service
 * property {@value dev.atelier.spi.storage.StorageBackend#BACKEND_ID} naming it (for example {@code local} or
 * {@code s3}); tenants choose a backend by that name and give it their own settings (bucket, credentials), which
 * arrive in every call through {@link dev.atelier.spi.tenant.TenantContext#pluginConfig()}. Declare those settings,
 * and the service that keeps the objects, in {@link dev.atelier.spi.plugin.PluginService#description()}.
 */
@Export
@Version("1.1.0")
package dev.atelier.spi.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
