package dev.atelier.payment.stripe.internal;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.atelier.spi.payment.PaymentProvider;
import dev.atelier.spi.plugin.WebhookMessage;
import dev.atelier.spi.tenant.TenantContext;
import dev.atelier.spi.testkit.PaymentProviderContract;
import dev.atelier.spi.testkit.VendorEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The host's contract for payment providers, against Stripe's API replayed by WireMock and Stripe-signed webhooks. */
class StripePaymentsTest extends PaymentProviderContract {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final StripeApiStubs api = new StripeApiStubs(server);
    private final StripeVendor stripe = new StripeVendor(StripeApiStubs.WEBHOOK_SECRET);

    @BeforeEach
    void replayStripe() {
        api.replayStripe();
    }

    @Override
    protected PaymentProvider createProvider() {
        return new StripePayments();
    }

    @Override
    protected TenantContext tenant() {
        return api.tenant();
    }

    @Override
    protected TenantContext tenantWithAnotherSigningSecret() {
        return api.tenant(StripeApiStubs.OTHER_WEBHOOK_SECRET);
    }

    @Override
    protected List<WebhookMessage> webhooks(VendorEvent event, Instant sentAt) {
        return stripe.webhooks(event, sentAt);
    }
}
