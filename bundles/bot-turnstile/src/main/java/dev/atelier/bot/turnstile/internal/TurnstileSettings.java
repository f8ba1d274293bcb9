package dev.atelier.bot.turnstile.internal;

import dev.atelier.spi.plugin.InvalidSettingsException;
import dev.atelier.spi.plugin.PluginSettings;
import dev.atelier.spi.plugin.Setting;
import dev.atelier.spi.plugin.SettingsSchema;
import dev.atelier.spi.tenant.TenantContext;
import java.net.URI;
import java.time.Duration;

/** A tenant's Turnstile widget: its keys, where siteverify and the widget's script are, and how long to wait. */
record TurnstileSettings(String siteKey, String secretKey, URI siteverifyUrl, URI scriptUrl, Duration timeout,
        String theme) {

    static final Setting<String> SITE_KEY = Setting.text("site_key").required()
            .describedAs("The widget's site key from the Cloudflare dashboard (Turnstile > the widget > Site Key);"
                    + " public, shown in pages");
    static final Setting<String> SECRET_KEY = Setting.secret("secret_key").required()
            .describedAs("The widget's secret key from the Cloudflare dashboard, used only by the server to ask"
                    + " siteverify");
    static final Setting<URI> SITEVERIFY_URL = Setting.url("siteverify_url")
            .defaultsTo("https://challenges.cloudflare.com/turnstile/v0/siteverify")
            .describedAs("Where tokens are verified; change it only to point at a local stand-in for tests");
    static final Setting<URI> SCRIPT_URL = Setting.url("script_url")
            .defaultsTo("https://challenges.cloudflare.com/turnstile/v0/api.js")
            .describedAs("The widget's script; change it only to point at a local stand-in for tests");
    // Bounded at ten seconds: the visitor waits for the answer before their form is acted on.
    static final Setting<Duration> TIMEOUT = Setting.duration("timeout").defaultsTo("5s")
            .matching("[1-9][0-9]{2,3}ms|[1-9]s|10s", "from 100ms to 10s, for example 5s")
            .describedAs("How long to wait for siteverify before the check counts as unavailable (100ms to 10s)");
    static final Setting<String> THEME = Setting.choice("theme", "auto", "light", "dark").defaultsTo("auto")
            .describedAs("The widget's colours: auto follows the visitor's system setting");

    static final SettingsSchema SCHEMA = SettingsSchema.of(SITE_KEY, SECRET_KEY, SITEVERIFY_URL, SCRIPT_URL, TIMEOUT,
            THEME);

    /** The tenant's settings, defaults applied. */
    static TurnstileSettings of(TenantContext tenant) throws InvalidSettingsException {
        PluginSettings values = SCHEMA.read(tenant.pluginConfig());
        return new TurnstileSettings(values.get(SITE_KEY), values.get(SECRET_KEY), values.get(SITEVERIFY_URL),
                values.get(SCRIPT_URL), values.get(TIMEOUT), values.get(THEME));
    }

    /** Keys only: the secret never reaches a log line. */
    @Override
    public String toString() {
        return "TurnstileSettings[" + siteverifyUrl + ", timeout " + timeout + "]";
    }
}
