package dev.atelier.payment.sandbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.spi.payment.Checkout;
import dev.atelier.spi.payment.CheckoutRequest;
import dev.atelier.spi.payment.InvalidWebhookException;
import dev.atelier.spi.payment.PaymentEvent;
import dev.atelier.spi.payment.PaymentException;
import dev.atelier.spi.payment.PaymentProvider;
import dev.atelier.spi.payment.PendingReference;
import dev.atelier.spi.payment.PortalRequest;
import dev.atelier.spi.payment.PortalSession;
import dev.atelier.spi.payment.Refund;
import dev.atelier.spi.payment.RefundRequest;
import dev.atelier.spi.payment.SimulatedPayments;
import dev.atelier.spi.plugin.InvalidSettingsException;
import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.plugin.WebhookMessage;
import dev.atelier.spi.tenant.TenantContext;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;

/**
 * Payments in test mode: no vendor, no money. The checkout page and the billing portal are pages the platform serves
 * itself (the paths returned here); what the customer chooses there comes back from {@link #simulate} as the signed
 * webhook a vendor would send, which the host receives through its usual intake and {@link #parseWebhook}. Stateless:
 * every vendor id is derived from the host's own ({@link SandboxIds}), so retries answer the same.
 */
@Component(service = {PaymentProvider.class, SimulatedPayments.class},
        property = PaymentProvider.PROVIDER_ID + "=" + SandboxPayments.ID)
public final class SandboxPayments implements PaymentProvider, SimulatedPayments {

    /** The provider id tenants choose the sandbox by. */
    public static final String ID = "sandbox";
    /** Where the platform serves the test checkout page; the checkout id follows. */
    static final String CHECKOUT_PAGE = "/billing/sandbox/checkout/";
    /**
     * Where the platform serves the test billing portal; {@code ?flow=cancel} or {@code ?flow=change&offer=<plan>}
     * open it on that step, as Stripe's portal flows do.
     */
    static final URI PORTAL_PAGE = URI.create("/billing/sandbox/portal");

    /** Settings only: nothing leaves the platform, so there is no processor to disclose. */
    private static final PluginDescription DESCRIPTION = new PluginDescription(SandboxSettings.SCHEMA, List.of());
    /** Host ids go into a URL path unescaped, so only these are taken. */
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final Clock clock;

    /** Component constructor. */
    public SandboxPayments() {
        this(Clock.systemUTC());
    }

    /** With the clock that dates simulated events and their signatures (tests sign in the past). */
    SandboxPayments(Clock clock) {
        this.clock = clock;
    }

    @Override
    public PluginDescription description() {
        return DESCRIPTION;
    }

    @Override
    public Checkout createCheckout(CheckoutRequest request, TenantContext tenant) throws PaymentException {
        checkSettings(tenant);
        if (!PLAIN_ID.matcher(request.checkoutId()).matches()) {
            throw new PaymentException(PaymentException.Kind.REFUSED, "The sandbox takes checkout ids of letters,"
                    + " digits, '_' and '-' only");
        }
        String customer = request.customer().existing()
                .orElseGet(() -> SandboxIds.customer(request.customer().accountId()));
        return new Checkout(SandboxIds.checkout(request.checkoutId()),
                URI.create(CHECKOUT_PAGE + request.checkoutId()), customer);
    }

    @Override
    public PortalSession createPortalSession(PortalRequest request, TenantContext tenant) throws PaymentException {
        checkSettings(tenant);
        PortalRequest.Intent intent = request.intent();
        if (intent instanceof PortalRequest.Cancel) {
            return new PortalSession(URI.create(PORTAL_PAGE + "?flow=cancel"));
        }
        if (intent instanceof PortalRequest.ChangePlan change && PLAIN_ID.matcher(change.offer().id()).matches()) {
            return new PortalSession(URI.create(PORTAL_PAGE + "?flow=change&offer=" + change.offer().id()));
        }
        return new PortalSession(PORTAL_PAGE);
    }

    /** Always succeeds at once: the sandbox holds no money that could be short. */
    @Override
    public Refund refund(RefundRequest request, TenantContext tenant) throws PaymentException {
        checkSettings(tenant);
        return new Refund(SandboxIds.refund(request.refundId()), Refund.Status.SUCCEEDED);
    }

    @Override
    public List<PaymentEvent> parseWebhook(WebhookMessage message, TenantContext tenant)
            throws InvalidWebhookException {
        Optional<String> problem = signature(tenant).problem(message);
        if (problem.isPresent()) {
            throw new InvalidWebhookException("Sandbox webhook not believed: " + problem.get());
        }
        return Json.READER.read(message.body());
    }

    /**
     * Always empty. The sandbox has no remote state to ask: everything that happens in it is a webhook the host itself
     * asked {@link #simulate} for and handed to its own intake, so nothing is pending at a vendor, and a webhook the
     * host lost is one it can simulate again with the same event id.
     */
    @Override
    public List<PaymentEvent> lookUp(PendingReference pending, TenantContext tenant) throws PaymentException {
        checkSettings(tenant);
        return List.of();
    }

    @Override
    public WebhookMessage simulate(Simulation simulation, String eventId, TenantContext tenant) {
        WebhookSignature signature;
        try {
            signature = SandboxSettings.signature(tenant);
        } catch (InvalidSettingsException e) {
            throw new IllegalArgumentException("The sandbox's settings are invalid: " + e.getMessage(), e);
        }
        Instant now = clock.instant();
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(Json.SIMULATED.body(simulation, eventId, now));
        } catch (JsonProcessingException e) {
            // A tree of strings and numbers always serializes.
            throw new IllegalStateException("Simulated event not written", e);
        }
        Map<String, String> headers = Map.of(
                "content-type", "application/json",
                WebhookSignature.ID, eventId,
                WebhookSignature.TIMESTAMP, Long.toString(now.getEpochSecond()),
                WebhookSignature.SIGNATURE, signature.sign(eventId, now, body));
        return WebhookMessage.of(headers, body, now);
    }

    private static WebhookSignature signature(TenantContext tenant) throws InvalidWebhookException {
        try {
            return SandboxSettings.signature(tenant);
        } catch (InvalidSettingsException e) {
            throw new InvalidWebhookException("The sandbox's settings are invalid: " + e.getMessage(), e);
        }
    }

    private static void checkSettings(TenantContext tenant) throws PaymentException {
        try {
            SandboxSettings.check(tenant);
        } catch (InvalidSettingsException e) {
            throw new PaymentException(PaymentException.Kind.NOT_CONFIGURED, "The sandbox's settings are invalid: "
                    + e.getMessage(), e);
        }
    }

    /**
     * This bundle's JSON, made at the first webhook or simulated event: the bundle's own copy of Jackson takes about
     * 70 ms of a fresh JVM to load and set up, which every start of the platform would otherwise pay.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
        static final SimulatedEvents SIMULATED = new SimulatedEvents(MAPPER);
        static final EventReader READER = new EventReader(MAPPER);
    }
}
