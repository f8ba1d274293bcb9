package dev.atelier.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.plugins.PluginHost;
import dev.atelier.plugins.PluginKinds;
import dev.atelier.spi.payment.Checkout;
import dev.atelier.spi.payment.CheckoutRequest;
import dev.atelier.spi.payment.Customer;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentProvider;
import dev.atelier.spi.plugin.Setting;
import dev.atelier.spi.tenant.TenantContext;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The platform as shipped takes test payments: its default bundles serve the payment provider {@code sandbox}. */
class ShippedPaymentSandboxTest {

    private static final TenantContext TENANT = new TenantContext() {
        @Override
        public String tenantId() {
            return "tnt_shipped";
        }

        @Override
        public String tenantSlug() {
            return "shipped";
        }

        @Override
        public Map<String, String> pluginConfig() {
            return Map.of();
        }

        @Override
        public String correlationId() {
            return "req_shipped";
        }
    };

    @Test
    void theDefaultBundlesServeTheSandboxPaymentProvider() throws Exception {
        try (TestPlatform platform = TestPlatform.builder().defaultBundles().start()) {
            PluginHost host = platform.atelier().plugins();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> host.plugins(PluginKinds.PAYMENTS).find("sandbox").isPresent());

            assertThat(host.descriptions().find(PaymentProvider.class, "sandbox")).hasValueSatisfying(d ->
                    assertThat(d.settings().settings()).extracting(Setting::key).containsExactly("signing_secret"));
            Offer topUp = new Offer("pack-500", "500 credits", Offer.Interval.ONCE, 500, "usd", 500, null);
            CheckoutRequest request = new CheckoutRequest("chk_shipped", topUp, new Customer("acc_1", "a@example.com",
                    null), URI.create("https://test.example/account/billing"), URI.create("https://test.example/"));
            Checkout checkout = host.plugins(PluginKinds.PAYMENTS).call("sandbox", null,
                    provider -> provider.createCheckout(request, TENANT));
            assertThat(checkout.url()).isEqualTo(URI.create("/billing/sandbox/checkout/chk_shipped"));
        }
    }
}
