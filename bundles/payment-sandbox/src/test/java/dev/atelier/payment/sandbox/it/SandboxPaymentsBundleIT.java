package dev.atelier.payment.sandbox.it;

import static dev.atelier.spi.testkit.osgi.FelixContainer.PLATFORM_API_SYMBOLIC_NAME;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertActive;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertExportsNothing;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsMention;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsNone;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertWiredOnlyTo;
import static dev.atelier.spi.testkit.osgi.FelixContainer.installedBundle;
import static dev.atelier.spi.testkit.osgi.FelixContainer.onlyServiceReference;
import static dev.atelier.spi.testkit.osgi.FelixContainer.serviceReferences;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.atelier.spi.payment.Checkout;
import dev.atelier.spi.payment.CheckoutRequest;
import dev.atelier.spi.payment.Customer;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentEvent;
import dev.atelier.spi.payment.PaymentProvider;
import dev.atelier.spi.payment.SimulatedPayments;
import dev.atelier.spi.plugin.WebhookMessage;
import dev.atelier.spi.testkit.TestTenantContext;
import dev.atelier.spi.testkit.osgi.FelixContainer;
import java.net.URI;
import java.util.Collection;
import java.util.List;
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
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * The built bundle inside a real Felix with SCR and nothing of the host but platform-api: it resolves, starts, and
 * registers one service named {@code sandbox} that is both a {@link PaymentProvider} and {@link SimulatedPayments},
 * whose simulated webhooks it believes (its embedded JSON library works in the container).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SandboxPaymentsBundleIT {

    private static final String SYMBOLIC_NAME = "dev.atelier.payment.sandbox";

    private static final TestTenantContext TENANT = TestTenantContext.defaults();

    @Inject
    private BundleContext context;

    @Inject
    private PaymentProvider provider;

    @Inject
    private SimulatedPayments simulated;

    @Configuration
    public Option[] configuration() {
        return FelixContainer.options("atelier.it.bundle");
    }

    @Test
    public void bundleResolvesAndStartsWithOnlyPlatformApiFromTheHost() {
        Bundle bundle = installedBundle(context, SYMBOLIC_NAME);

        assertActive(bundle);
        assertImportsMention(bundle, "dev.atelier.spi.payment");
        assertImportsNone(bundle, "com.fasterxml", "org.slf4j", "org.osgi.framework");
        assertExportsNothing(bundle);
        assertWiredOnlyTo(bundle, PLATFORM_API_SYMBOLIC_NAME);
    }

    @Test
    public void registersOneServiceNamedSandboxThatAlsoSimulatesItsVendor() {
        ServiceReference<PaymentProvider> reference = onlyServiceReference(context, PaymentProvider.class,
                PaymentProvider.PROVIDER_ID, "sandbox", SYMBOLIC_NAME);
        Collection<ServiceReference<SimulatedPayments>> simulating = serviceReferences(context,
                SimulatedPayments.class, PaymentProvider.PROVIDER_ID, "sandbox");

        assertEquals(1, simulating.size());
        assertEquals(reference.getProperty(Constants.SERVICE_ID),
                simulating.iterator().next().getProperty(Constants.SERVICE_ID));
    }

    @Test
    public void believesItsOwnSimulatedPayment() throws Exception {
        Offer topUp = new Offer("pack-500", "500 credits", Offer.Interval.ONCE, 500, "usd", 500, null);
        CheckoutRequest request = new CheckoutRequest("chk_it_1", topUp, new Customer("acc_it", "it@example.com",
                null), URI.create("https://test.example/account/billing"), URI.create("https://test.example/pricing"));
        Checkout checkout = provider.createCheckout(request, TENANT);

        WebhookMessage webhook = simulated.simulate(new SimulatedPayments.CheckoutAnswered(request,
                checkout.providerCheckoutId(), checkout.providerCustomerId(), true, null), "evt_it_1", TENANT);
        List<PaymentEvent> events = provider.parseWebhook(webhook, TENANT);

        assertEquals(1, events.size());
        assertTrue(events.get(0) instanceof PaymentEvent.PaymentSucceeded);
        assertEquals("chk_it_1", events.get(0).checkoutId());
        assertEquals(URI.create("/billing/sandbox/checkout/chk_it_1"), checkout.url());
    }
}
