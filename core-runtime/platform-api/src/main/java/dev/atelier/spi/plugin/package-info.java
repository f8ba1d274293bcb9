/**
 * What every plugin, whatever its kind, can tell the host about itself: the settings a tenant gives it, and the
 * personal data it hands to someone outside the platform.
 *
 * <h2>Declaring a plugin's description</h2>
 * Every SPI service interface ({@code GenerationModel}, {@code StorageBackend}, ...) extends
 * {@link dev.atelier.spi.plugin.PluginService}; override its {@code description()}:
 *
 * <pre>{@code
 * static final Setting<String> API_KEY = Setting.secret("api_key").required().describedAs("The API key");
 * static final Setting<URI> BASE_URL = Setting.url("base_url").defaultsTo("https://api.example.com");
 * static final SettingsSchema SETTINGS = SettingsSchema.of(API_KEY, BASE_URL);
 *
 * public PluginDescription description() {
 *     return new PluginDescription(SETTINGS, List.of(new DataProcessorDisclosure("Example, Inc.", "Example",
 *             Set.of(DataCategory.PROMPTS), "Generates images from prompts", "United States", null)));
 * }
 *
 * // in every call:
 * PluginSettings settings = SETTINGS.read(tenant.pluginConfig());   // throws InvalidSettingsException
 * URI base = settings.get(BASE_URL);                                 // typed, default applied
 * }</pre>
 *
 * <p>The host checks each tenant's configuration against {@link dev.atelier.spi.plugin.SettingsSchema} when the
 * tenant's folder is applied, shows the settings as a form in the tenant's admin area (secret values are never shown),
 * and renders the {@link dev.atelier.spi.plugin.DataProcessorDisclosure disclosures} of the plugins a tenant uses in
 * that tenant's privacy policy.
 *
 * <p>{@link dev.atelier.spi.plugin.WebhookMessage} is one request a vendor sent to the platform (a webhook), shared by
 * every kind that receives them.
 */
@Export
@Version("1.0.0")
package dev.atelier.spi.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
