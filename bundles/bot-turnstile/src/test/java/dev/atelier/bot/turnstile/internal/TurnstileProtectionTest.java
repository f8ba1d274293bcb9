package dev.atelier.bot.turnstile.internal;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.atelier.spi.botprotection.BotProtection;
import dev.atelier.spi.testkit.BotProtectionContract;
import dev.atelier.spi.tenant.TenantContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Turnstile against a fake siteverify answering as Cloudflare documents: the host's contract for bot protection. */
class TurnstileProtectionTest extends BotProtectionContract {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeSiteverify siteverify = new FakeSiteverify(server);

    @Override
    protected BotProtection createProtection() {
        return new TurnstileProtection();
    }

    @Override
    protected TenantContext tenant() {
        return siteverify.tenant("10s");
    }

    @Override
    protected String token(TokenCase tokenCase) {
        String token = "token-" + tokenCase.name().toLowerCase();
        switch (tokenCase) {
            case GENUINE -> siteverify.passes(token, HOSTNAME, ACTION);
            case FORGED -> siteverify.refuses(token, "invalid-input-response");
            case REUSED -> siteverify.refuses(token, "timeout-or-duplicate");
            case OTHER_HOSTNAME -> siteverify.passes(token, "elsewhere.example", ACTION);
            case OTHER_ACTION -> siteverify.passes(token, HOSTNAME, "signin");
            default -> throw new IllegalArgumentException("no answer for " + tokenCase);
        }
        return token;
    }

    @Override
    protected TenantContext tenantWithVendorDown() {
        siteverify.answersLate("token-genuine", 1_500);
        return siteverify.tenant("200ms");
    }
}
