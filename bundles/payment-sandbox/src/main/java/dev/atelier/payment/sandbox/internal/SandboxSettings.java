package dev.atelier.payment.sandbox.internal;

import dev.atelier.spi.plugin.InvalidSettingsException;
import dev.atelier.spi.plugin.PluginSettings;
import dev.atelier.spi.plugin.Setting;
import dev.atelier.spi.plugin.SettingsSchema;
import dev.atelier.spi.tenant.TenantContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The sandbox's one setting, the webhook signing secret, and the key a tenant's simulated webhooks are signed with.
 *
 * <p>Without a configured secret the key is derived from the tenant id, so a tenant folder needs no setting to try
 * payments out. Anyone who knows the tenant id can derive that key too, which is acceptable only because no money moves
 * here; a tenant reachable by the public sets its own secret.
 */
final class SandboxSettings {

    static final String SECRET_PREFIX = "whsec_";

    static final Setting<String> SIGNING_SECRET = Setting.secret("signing_secret")
            .matching("whsec_(?:[A-Za-z0-9+/]{4}){6,}(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?",
                    "whsec_ followed by base64 of at least 18 bytes")
            .describedAs("Test mode only, no money moves. Signs the sandbox's simulated webhooks: whsec_ followed by"
                    + " base64 (as Standard Webhooks secrets are written). When absent, a secret is derived from the"
                    + " tenant id, which anyone knowing the id can derive too: set one on a site the public can reach.");

    static final SettingsSchema SCHEMA = SettingsSchema.of(SIGNING_SECRET);

    /** Fixed salt of derived secrets; changing it invalidates every derived secret at once. */
    private static final byte[] DERIVATION_KEY =
            "dev.atelier.payment.sandbox derived signing secret v1".getBytes(StandardCharsets.UTF_8);

    private SandboxSettings() {}

    /** The key the tenant's webhooks are signed and checked with. */
    static WebhookSignature signature(TenantContext tenant) throws InvalidSettingsException {
        PluginSettings settings = SCHEMA.read(tenant.pluginConfig());
        byte[] key = settings.find(SIGNING_SECRET)
                .map(secret -> Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())))
                .orElseGet(() -> WebhookSignature.hmac(DERIVATION_KEY,
                        tenant.tenantId().getBytes(StandardCharsets.UTF_8)));
        return new WebhookSignature(key);
    }

    /** Reads the settings only to refuse invalid ones before answering. */
    static void check(TenantContext tenant) throws InvalidSettingsException {
        SCHEMA.read(tenant.pluginConfig());
    }
}
