package dev.atelier.web.api.billing;

import dev.atelier.billing.payments.AppliedEvent;
import dev.atelier.billing.payments.Payments;
import dev.atelier.billing.payments.PaymentsUnavailableException;
import dev.atelier.spi.payment.InvalidWebhookException;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.http.Webhooks;
import dev.atelier.web.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/payments/{provider}/webhook} on a tenant's host: a payment provider's events for that tenant.
 * The provider's plugin checks the signature with the tenant's signing secret and translates; the platform applies each
 * event once. Answers 200 with how many events were new, also for a repeated or unknown event (so the vendor stops
 * resending it), 400 for a message the provider does not believe (nothing changes), 404 when the tenant does not take
 * payments through {@code provider}, 413 for a body over {@value #MAX_BODY_BYTES} bytes.
 */
@Path("/api/v1/payments/{provider}/webhook")
@Produces(MediaType.APPLICATION_JSON)
public final class PaymentWebhookResource {

    /** Stripe's events are a few KB; this leaves room without reading whatever a stranger sends. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(PaymentWebhookResource.class);

    public record Received(int events, int applied) {}

    private final Payments payments;

    @Inject
    public PaymentWebhookResource(Payments payments) {
        this.payments = payments;
    }

    @POST
    public Received receive(@PathParam("provider") String provider, @Context HttpHeaders headers,
            @Context HttpServletRequest request, InputStream body) {
        var tenant = AuthPages.tenant(request);
        try {
            List<AppliedEvent> events = payments.receive(tenant, provider,
                    Webhooks.read(headers, body, MAX_BODY_BYTES));
            int applied = (int) events.stream().filter(e -> e.outcome() == AppliedEvent.Outcome.APPLIED).count();
            return new Received(events.size(), applied);
        } catch (InvalidWebhookException e) {
            LOG.warn("Refused a {} webhook for tenant {}: {}", provider, tenant.slug(), e.getMessage());
            throw new ProblemException(400, "Bad Request", "The webhook's signature could not be verified.");
        } catch (PaymentsUnavailableException e) {
            if (e.temporary()) {
                throw new ProblemException(503, "Service Unavailable", e.getMessage());
            }
            throw ProblemException.notFound("This site takes no payments through " + provider + ".");
        }
    }
}
