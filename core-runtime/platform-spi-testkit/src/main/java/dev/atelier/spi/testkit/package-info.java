/**
 * Contract test suites for plugin bundles, and test implementations of the contexts the host hands to plugins.
 *
 * <p>Add {@code dev.atelier:platform-spi-testkit} with test scope to a bundle and extend the suite for its plugin
 * kind, for example {@link dev.atelier.spi.testkit.GenerationModelContract} for a
 * {@link dev.atelier.spi.model.GenerationModel} or {@link dev.atelier.spi.testkit.StorageBackendContract} for a
 * {@link dev.atelier.spi.storage.StorageBackend}, {@link dev.atelier.spi.testkit.PaymentProviderContract} for a
 * {@link dev.atelier.spi.payment.PaymentProvider} (with {@link dev.atelier.spi.testkit.VendorEvent}, what its vendor
 * stand-in reports as webhooks), {@link dev.atelier.spi.testkit.BotProtectionContract} for a
 * {@link dev.atelier.spi.botprotection.BotProtection}. Use {@link dev.atelier.spi.testkit.TestGenerationContext} and
 * {@link dev.atelier.spi.testkit.TestTenantContext} in the bundle's own tests, and
 * {@link dev.atelier.spi.testkit.TestMedia} for the pictures and uploads they hand a model;
 * {@link dev.atelier.spi.testkit.GeneratedStream} for large objects a storage test must not hold in memory.
 */
package dev.atelier.spi.testkit;
