package dev.atelier.payment.stripe.internal;

import com.stripe.StripeClient;
import dev.atelier.spi.payment.PaymentException;
import dev.atelier.spi.plugin.InvalidSettingsException;
import dev.atelier.spi.plugin.PluginSettings;
import dev.atelier.spi.plugin.Setting;
import dev.atelier.spi.plugin.SettingsSchema;
import dev.atelier.spi.tenant.TenantContext;
import java.net.URI;

/**
 * A tenant's Stripe settings, and the client made from them for one call. A client per call (never the SDK's global
 * key) keeps tenants apart: two tenants' calls may run at once with different keys and API bases.
 */
final class StripeSettings {

    static final Setting<String> SECRET_KEY = Setting.secret("secret_key").required()
            .matching("(sk|rk)_[A-Za-z0-9_]+", "a Stripe secret or restricted key such as sk_live_...")
            .describedAs("The account's secret API key (sk_live_... or sk_test_...), or a restricted key allowed to"
                    + " write customers, Checkout Sessions, Billing Portal sessions and refunds");
    static final Setting<String> WEBHOOK_SECRET = Setting.secret("webhook_secret").required()
            .matching("whsec_[A-Za-z0-9+/=]+", "a webhook signing secret such as whsec_...")
            .describedAs("The signing secret of the webhook endpoint that Stripe calls for this site (whsec_...)");
    static final Setting<String> PUBLISHABLE_KEY = Setting.text("publishable_key")
            .matching("pk_[A-Za-z0-9_]+", "a publishable key such as pk_live_...")
            .describedAs("The account's publishable key; not needed for hosted Checkout, kept for pages that embed"
                    + " Stripe's own scripts");
    static final Setting<URI> API_BASE = Setting.url("api_base").defaultsTo("https://api.stripe.com")
            .describedAs("Where Stripe's API is reached; change it only to run against stripe-mock or a recorded"
                    + " replay");

    static final SettingsSchema SCHEMA = SettingsSchema.of(SECRET_KEY, WEBHOOK_SECRET, PUBLISHABLE_KEY, API_BASE);

    /** Stripe's own network retries stay off: the host retries with the same idempotency keys. */
    private static final int NETWORK_RETRIES = 0;
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 30_000;

    private final PluginSettings values;

    private StripeSettings(PluginSettings values) {
        this.values = values;
    }

    /** The tenant's settings, or {@link PaymentException.Kind#NOT_CONFIGURED} naming what is wrong. */
    static StripeSettings of(TenantContext tenant) throws PaymentException {
        try {
            return new StripeSettings(SCHEMA.read(tenant.pluginConfig()));
        } catch (InvalidSettingsException e) {
            throw new PaymentException(PaymentException.Kind.NOT_CONFIGURED, "The Stripe settings of tenant "
                    + tenant.tenantSlug() + " are invalid: " + e.getMessage(), e);
        }
    }

    /** The webhook signing secret, or the reason there is none (then no webhook is believed). */
    static String webhookSecret(TenantContext tenant) throws InvalidSettingsException {
        return SCHEMA.read(tenant.pluginConfig()).get(WEBHOOK_SECRET);
    }

    /** A client for this tenant's account, for one call. */
    StripeClient client() {
        return StripeClient.builder()
                .setApiKey(values.get(SECRET_KEY))
                .setApiBase(apiBase())
                .setMaxNetworkRetries(NETWORK_RETRIES)
                .setConnectTimeout(CONNECT_TIMEOUT_MS)
                .setReadTimeout(READ_TIMEOUT_MS)
                .build();
    }

    private String apiBase() {
        String base = values.get(API_BASE).toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
