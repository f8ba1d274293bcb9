/**
 * Bot protection: a challenge people pass without noticing and scripts fail, shown on the pages bots abuse (sign-up,
 * sign-in after failed attempts, checkout), and checked on the server before the form is acted on.
 *
 * <h2>Who does what</h2>
 * The plugin knows its vendor (Cloudflare Turnstile, hCaptcha, a self-hosted proof of work): it
 * {@linkplain dev.atelier.spi.botprotection.BotProtection#widget describes the widget} a page embeds, and
 * {@linkplain dev.atelier.spi.botprotection.BotProtection#verify verifies} the token the widget put in the form. The
 * host decides where a challenge is needed, embeds the widget in the tenant's theme, lets the widget's origins through
 * the page's Content-Security-Policy, reads the token from the submitted form (or the API request), and acts on the
 * {@link dev.atelier.spi.botprotection.Verdict}: a refusal is a form error, an unavailable vendor is handled by the
 * host's own rule (documented for operators), never by the plugin.
 *
 * <h2>Implementing a plugin</h2>
 * Implement {@link dev.atelier.spi.botprotection.BotProtection} and register it as an OSGi service with the service
 * property {@value dev.atelier.spi.botprotection.BotProtection#PROTECTION_ID} naming it (the shipped one is
 * {@code turnstile}). A tenant binds it in {@code tenant.yaml}:
 *
 * <pre>{@code
 * bot_protection:
 *   plugin: turnstile
 *   config: {site_key: "0x4AAA...", secret_key: "${TURNSTILE_SECRET}"}
 * }</pre>
 *
 * <pre>{@code
 * @Component(property = BotProtection.PROTECTION_ID + "=acme")
 * public final class AcmeChallenge implements BotProtection {
 *     public ChallengeWidget widget(TenantContext tenant) throws InvalidSettingsException {
 *         PluginSettings settings = SETTINGS.read(tenant.pluginConfig());
 *         return new ChallengeWidget(URI.create("https://js.acme.example/v1/api.js"), settings.get(SITE_KEY),
 *                 "acme-response", "acme-widget", Map.of(), List.of(URI.create("https://js.acme.example")));
 *     }
 *
 *     public Verdict verify(ChallengeAnswer answer, TenantContext tenant) {
 *         if (answer.token().isEmpty()) {
 *             return Verdict.refused(RefusalReason.MISSING, "no token in the form");
 *         }
 *         ...   // ask the vendor within a bounded time; a vendor that does not answer is Verdict.unavailable(...)
 *     }
 * }
 * }</pre>
 *
 * <p>A plugin keeps no tenant state and never throws from {@code verify}: every outcome, a vendor that is down
 * included, is a {@link dev.atelier.spi.botprotection.Verdict}. Declare the tenant's settings (mark the secret with
 * {@link dev.atelier.spi.plugin.Setting#secret}) and the vendor that sees the visitor's IP address and browser in
 * {@link dev.atelier.spi.plugin.PluginService#description()}: the tenant's privacy policy lists it.
 *
 * <h2>Testing a plugin</h2>
 * Extend {@code dev.atelier.spi.testkit.BotProtectionContract} from {@code platform-spi-testkit}: it checks the widget
 * description, and each verdict (passed, missing, forged, reused, wrong hostname, wrong action, vendor down) against
 * your plugin and a stand-in for its vendor.
 */
@Export
@Version("1.0.0")
package dev.atelier.spi.botprotection;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
