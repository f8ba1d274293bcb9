/**
 * The tenant a plugin call is made for.
 *
 * <p>Plugins keep no tenant state: every SPI method takes a {@link dev.atelier.spi.tenant.TenantContext} as its last
 * parameter, carrying the tenant's identity and the configuration that tenant's admin set for the plugin being called.
 */
@Export
@Version("1.0.0")
package dev.atelier.spi.tenant;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
