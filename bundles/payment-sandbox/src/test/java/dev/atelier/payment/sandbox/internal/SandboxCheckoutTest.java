package dev.atelier.payment.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.spi.payment.Checkout;
import dev.atelier.spi.payment.CheckoutRequest;
import dev.atelier.spi.payment.Customer;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentException;
import dev.atelier.spi.payment.PendingReference;
import dev.atelier.spi.payment.PortalRequest;
import dev.atelier.spi.payment.Refund;
import dev.atelier.spi.payment.RefundRequest;
import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.plugin.Setting;
import dev.atelier.spi.tenant.TenantContext;
import dev.atelier.spi.testkit.TestTenantContext;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the host gets back from the sandbox: pages on the tenant's own site and ids derived from its own. */
class SandboxCheckoutTest {

    private static final TenantContext TENANT = TestTenantContext.defaults();
    private static final Offer TOP_UP = new Offer("pack-500", "500 credits", Offer.Interval.ONCE, 500, "usd", 500,
            null);

    private final SandboxPayments sandbox = new SandboxPayments();

    @Test
    void sendsTheCustomerToTheTestCheckoutPageOnTheTenantsSite() throws Exception {
        Checkout checkout = sandbox.createCheckout(request("chk_01JTEST", null), TENANT);

        assertThat(checkout).isEqualTo(new Checkout("sbx_cs_chk_01JTEST",
                URI.create("/billing/sandbox/checkout/chk_01JTEST"), "sbx_cus_acc_1"));
    }

    @Test
    void keepsACustomerIdItWasGiven() throws Exception {
        assertThat(sandbox.createCheckout(request("chk_2", "sbx_cus_earlier"), TENANT).providerCustomerId())
                .isEqualTo("sbx_cus_earlier");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chk/../admin", "chk 1", "chk?x=1", "chk%2F1", ""})
    void refusesACheckoutIdThatIsNotAPlainPathSegment(String checkoutId) {
        assertThatThrownBy(() -> sandbox.createCheckout(request(checkoutId, null), TENANT))
                .isInstanceOfSatisfying(PaymentException.class,
                        e -> assertThat(e.kind()).isEqualTo(PaymentException.Kind.REFUSED));
    }

    @Test
    void opensTheTestBillingPortalOnTheTenantsSite() throws Exception {
        assertThat(sandbox.createPortalSession(new PortalRequest("sbx_cus_acc_1",
                URI.create("https://test.example/account/billing")), TENANT).url())
                .isEqualTo(URI.create("/billing/sandbox/portal"));
    }

    @Test
    void opensTheTestPortalOnTheStepTheCustomerChose() throws Exception {
        URI back = URI.create("https://test.example/account/billing");
        Offer studio = new Offer("studio", "Studio plan", Offer.Interval.MONTH, 4900, "usd", 2500, null);

        assertThat(sandbox.createPortalSession(new PortalRequest("sbx_cus_acc_1", back,
                new PortalRequest.Cancel("sub_1")), TENANT).url())
                .isEqualTo(URI.create("/billing/sandbox/portal?flow=cancel"));
        assertThat(sandbox.createPortalSession(new PortalRequest("sbx_cus_acc_1", back,
                new PortalRequest.ChangePlan("sub_1", studio)), TENANT).url())
                .isEqualTo(URI.create("/billing/sandbox/portal?flow=change&offer=studio"));
    }

    @Test
    void refundsAtOnceUnderAnIdDerivedFromTheHosts() throws Exception {
        Refund refund = sandbox.refund(new RefundRequest("rfd_1", "sbx_pay_chk_1", 200, "usd", ""), TENANT);

        assertThat(refund).isEqualTo(new Refund("sbx_re_rfd_1", Refund.Status.SUCCEEDED));
    }

    @Test
    void hasNothingToLookUpBecauseNothingIsPendingAtAVendor() throws Exception {
        assertThat(sandbox.lookUp(new PendingReference(PendingReference.Kind.CHECKOUT, "sbx_cs_chk_1", "chk_1"),
                TENANT)).isEmpty();
    }

    @Test
    void declaresOneOptionalSecretAndNoProcessorOutsideThePlatform() {
        PluginDescription description = sandbox.description();

        assertThat(description.disclosures()).isEmpty();
        assertThat(description.settings().settings()).singleElement().satisfies(setting -> {
            assertThat(setting.key()).isEqualTo("signing_secret");
            assertThat(setting.isSecret()).isTrue();
            assertThat(setting.isRequired()).isFalse();
            assertThat(setting.description()).contains("Test mode");
        });
        assertThat(description.settings().settings()).extracting(Setting::key).doesNotContain("currency");
    }

    @Test
    void refusesASigningSecretThatIsNotAStandardWebhooksSecretWithoutRepeatingIt() {
        String secret = "hunter2-is-not-a-secret";
        TenantContext misconfigured = TestTenantContext.withConfig(Map.of("signing_secret", secret));

        assertThat(sandbox.description().settings().check(misconfigured.pluginConfig())).singleElement()
                .satisfies(problem -> assertThat(problem.toString()).contains("signing_secret")
                        .doesNotContain(secret));
        assertThatThrownBy(() -> sandbox.createCheckout(request("chk_1", null), misconfigured))
                .isInstanceOfSatisfying(PaymentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PaymentException.Kind.NOT_CONFIGURED);
                    assertThat(e.getMessage()).doesNotContain(secret);
                });
    }

    private static CheckoutRequest request(String checkoutId, String customerId) {
        return new CheckoutRequest(checkoutId, TOP_UP, new Customer("acc_1", "a@example.com", customerId),
                URI.create("https://test.example/account/billing?ok"), URI.create("https://test.example/pricing"));
    }
}
