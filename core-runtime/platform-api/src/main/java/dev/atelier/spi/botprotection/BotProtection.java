package dev.atelier.spi.botprotection;

import dev.atelier.spi.plugin.InvalidSettingsException;
import dev.atelier.spi.plugin.PluginService;
import dev.atelier.spi.tenant.TenantContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Tells people from bots for a tenant through one vendor's challenge (Cloudflare Turnstile, ...).
 *
 * <p>Implemented by plugin bundles, registered as an OSGi service under this interface with the service property
 * {@link #PROTECTION_ID}. Implementations must be thread-safe and keep no per-tenant state: the tenant's settings (site
 * key, secret) arrive in every call's {@link TenantContext}, always the last parameter. Declare those settings, and
 * the vendor that sees the visitor's IP address, in {@link PluginService#description()}.
 */
@ConsumerType
public interface BotProtection extends PluginService {

    /** Service property naming the plugin, for example {@code "turnstile"}. Required. */
    String PROTECTION_ID = "atelier.botprotection.id";

    /**
     * What a page embeds to challenge the visitor: the vendor's script, the element it turns into the widget, the form
     * field the widget fills with its token, and the origins the page's Content-Security-Policy must allow. Called for
     * every page that shows a challenge: compute it from the settings, never ask the vendor.
     *
     * @throws InvalidSettingsException when the tenant's settings lack what the widget needs (its site key); the host
     *     then shows no challenge and refuses the form as unverifiable
     */
    ChallengeWidget widget(TenantContext tenant) throws InvalidSettingsException;

    /**
     * Asks the vendor whether {@code answer}'s token is a fresh, genuine pass of this tenant's challenge for the
     * expected action on the expected host. Wait at most a few seconds (make the time-out a setting with a bound):
     * the visitor waits too.
     *
     * <p>Never throws: a token that is absent or blank is {@link RefusalReason#MISSING} without asking the vendor; a
     * vendor that does not answer in time, answers an error of its own, or cannot be reached is
     * {@link Verdict.Unavailable}; invalid settings (no secret) are {@link Verdict.Unavailable} too, naming the
     * setting.
     *
     * @param answer the token the page submitted, and what it must have been issued for
     * @param tenant the tenant and its settings for this plugin
     * @return {@link Verdict.Passed}, {@link Verdict.Refused} with a reason, or {@link Verdict.Unavailable}
     */
    Verdict verify(ChallengeAnswer answer, TenantContext tenant);
}
