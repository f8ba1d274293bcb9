package dev.atelier.payment.stripe.it;

import static dev.atelier.spi.testkit.osgi.FelixContainer.PLATFORM_API_SYMBOLIC_NAME;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertActive;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertExportsNothing;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsMention;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsNone;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsOnly;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertWiredOnlyTo;
import static dev.atelier.spi.testkit.osgi.FelixContainer.installedBundle;
import static dev.atelier.spi.testkit.osgi.FelixContainer.onlyServiceReference;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.atelier.spi.payment.CheckoutRequest;
import dev.atelier.spi.payment.Customer;
import dev.atelier.spi.payment.InvalidWebhookException;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentEvent;
import dev.atelier.spi.payment.PaymentException;
import dev.atelier.spi.payment.PaymentProvider;
import dev.atelier.spi.plugin.WebhookMessage;
import dev.atelier.spi.testkit.TestTenantContext;
import dev.atelier.spi.testkit.osgi.FelixContainer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The built bundle inside a real Felix with SCR and nothing of the host but platform-api: it resolves and starts
 * importing only the SPI and the JDK (stripe-java and gson stay private inside it), registers one provider named
 * {@code stripe}, and inside the container verifies a Stripe-signed webhook with stripe-java's verifier, reads its
 * object with stripe-java's classes through gson, and refuses a forged one.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StripePaymentsBundleIT {

    private static final String SYMBOLIC_NAME = "dev.atelier.payment.stripe";
    private static final String SECRET = "whsec_itSigningSecretOfTheEndpoint0123456789";

    @Inject
    private BundleContext context;

    @Inject
    private PaymentProvider provider;

    @Configuration
    public Option[] configuration() {
        return FelixContainer.options("atelier.it.bundle");
    }

    @Test
    public void bundleResolvesAndStartsWithOnlyPlatformApiAndTheJdkFromTheHost() {
        Bundle bundle = installedBundle(context, SYMBOLIC_NAME);

        assertActive(bundle);
        assertImportsMention(bundle, "dev.atelier.spi.payment");
        assertImportsOnly(bundle, "dev.atelier.spi.", "java.", "javax.");
        assertImportsNone(bundle, "com.stripe", "com.google", "org.osgi.framework", "org.slf4j");
        assertExportsNothing(bundle);
        assertWiredOnlyTo(bundle, PLATFORM_API_SYMBOLIC_NAME);
    }

    @Test
    public void registersOneProviderNamedStripe() {
        onlyServiceReference(context, PaymentProvider.class, PaymentProvider.PROVIDER_ID, "stripe", SYMBOLIC_NAME);
        assertEquals("Stripe, Inc.", provider.description().disclosures().get(0).processor());
    }

    @Test
    public void verifiesAndReadsAStripeSignedWebhookAndRefusesAForgedOne() throws Exception {
        TestTenantContext tenant = tenant(SECRET, "http://127.0.0.1:" + freePort());
        long now = Instant.now().getEpochSecond();
        String body = "{\"id\":\"evt_1Qit\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\",\"created\":"
                + now + ",\"data\":{\"object\":{\"id\":\"sub_1Qit\",\"object\":\"subscription\","
                + "\"cancel_at_period_end\":true,\"customer\":\"cus_1Qit\",\"items\":{\"object\":\"list\",\"data\":"
                + "[{\"id\":\"si_1Qit\",\"object\":\"subscription_item\",\"current_period_start\":1796083200,"
                + "\"current_period_end\":1798761600}]},\"metadata\":{\"atelier_offer_id\":\"creator\"},"
                + "\"status\":\"active\"}},\"livemode\":false,\"type\":\"customer.subscription.updated\"}";

        List<PaymentEvent> events = provider.parseWebhook(signed(body, SECRET, now), tenant);

        assertEquals(1, events.size());
        PaymentEvent.SubscriptionChanged changed = (PaymentEvent.SubscriptionChanged) events.get(0);
        assertEquals("sub_1Qit", changed.providerSubscriptionId());
        assertEquals("creator", changed.offerId());
        assertTrue(changed.cancelAtPeriodEnd());
        try {
            provider.parseWebhook(signed(body, "whsec_notTheEndpointsSecret0123456789", now), tenant);
            fail("a webhook signed with another secret was believed");
        } catch (InvalidWebhookException expected) {
            assertTrue(expected.getMessage().contains("not believed"));
        }
    }

    @Test
    public void anUnreachableStripeIsATemporaryFailureInsideTheContainer() throws Exception {
        Offer topUp = new Offer("pack-500", "500 credits", Offer.Interval.ONCE, 500, "usd", 500, null);
        CheckoutRequest request = new CheckoutRequest("chk_it_1", topUp, new Customer("acc_it", "it@example.com",
                "cus_1Qit"), URI.create("https://it.example/account/billing"),
                URI.create("https://it.example/pricing"));

        try {
            provider.createCheckout(request, tenant(SECRET, "http://127.0.0.1:" + freePort()));
            fail("a checkout was opened with nothing listening");
        } catch (PaymentException e) {
            assertEquals(PaymentException.Kind.TEMPORARY, e.kind());
        }
    }

    private static TestTenantContext tenant(String secret, String apiBase) {
        return TestTenantContext.withConfig(Map.of("secret_key", "sk_test_it", "webhook_secret", secret,
                "api_base", apiBase));
    }

    private static WebhookMessage signed(String body, String secret, long t) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String v1 = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        return WebhookMessage.of(Map.of("Stripe-Signature", "t=" + t + ",v1=" + v1),
                body.getBytes(StandardCharsets.UTF_8), Instant.ofEpochSecond(t));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
