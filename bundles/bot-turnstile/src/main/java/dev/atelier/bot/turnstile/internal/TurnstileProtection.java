package dev.atelier.bot.turnstile.internal;

import dev.atelier.spi.botprotection.BotProtection;
import dev.atelier.spi.botprotection.ChallengeAnswer;
import dev.atelier.spi.botprotection.ChallengeWidget;
import dev.atelier.spi.botprotection.RefusalReason;
import dev.atelier.spi.botprotection.Verdict;
import dev.atelier.spi.plugin.DataCategory;
import dev.atelier.spi.plugin.DataProcessorDisclosure;
import dev.atelier.spi.plugin.InvalidSettingsException;
import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.tenant.TenantContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Cloudflare Turnstile: the widget's script and element for a tenant's site key, and each token checked with
 * siteverify under the tenant's secret key. Keeps no state but one HTTP client shared by every tenant.
 */
@Component(service = BotProtection.class, property = BotProtection.PROTECTION_ID + "=" + TurnstileProtection.ID)
public final class TurnstileProtection implements BotProtection {

    /** The plugin id tenants choose Turnstile by. */
    public static final String ID = "turnstile";

    /** The form field Turnstile's script writes its token into. */
    static final String FIELD = "cf-turnstile-response";

    private static final PluginDescription DESCRIPTION = new PluginDescription(TurnstileSettings.SCHEMA, List.of(
            new DataProcessorDisclosure("Cloudflare, Inc.", "Cloudflare Turnstile", Set.of(DataCategory.TECHNICAL_DATA),
                    "Tells people from automated abuse on sign-up, sign-in and checkout", "United States",
                    URI.create("https://www.cloudflare.com/privacypolicy/"))));

    // The longest time-out a tenant may set: no connection attempt outlives it.
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Siteverify siteverify;

    /**
     * Component constructor. The HTTP client is built at the first verification: building one takes about 0.1 s of a
     * fresh JVM, which every start of the platform would pay for a check that may not come for hours.
     */
    public TurnstileProtection() {
        this.siteverify = new Siteverify(() -> SharedClient.HTTP);
    }

    /** The HTTP client of this bundle's revision, built when first asked for (a holder class's initialization). */
    private static final class SharedClient {
        static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public PluginDescription description() {
        return DESCRIPTION;
    }

    @Override
    public ChallengeWidget widget(TenantContext tenant) throws InvalidSettingsException {
        TurnstileSettings settings = TurnstileSettings.of(tenant);
        URI script = settings.scriptUrl();
        return new ChallengeWidget(script, settings.siteKey(), FIELD, "cf-turnstile",
                Map.of("theme", settings.theme()), List.of(URI.create(script.getScheme() + "://"
                        + script.getRawAuthority())));
    }

    @Override
    public Verdict verify(ChallengeAnswer answer, TenantContext tenant) {
        Optional<String> token = answer.presentToken();
        if (token.isEmpty()) {
            return Verdict.refused(RefusalReason.MISSING, "the form carried no Turnstile token");
        }
        TurnstileSettings settings;
        try {
            settings = TurnstileSettings.of(tenant);
        } catch (InvalidSettingsException e) {
            return Verdict.unavailable("the Turnstile settings of tenant " + tenant.tenantSlug() + " are invalid: "
                    + e.getMessage());
        }
        try {
            return Verdicts.of(siteverify.ask(token.get(), answer.clientIp(), settings), answer);
        } catch (HttpTimeoutException e) {
            return Verdict.unavailable("siteverify did not answer within " + settings.timeout());
        } catch (IOException e) {
            return Verdict.unavailable("siteverify could not be asked: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.unavailable("interrupted while asking siteverify");
        }
    }
}
