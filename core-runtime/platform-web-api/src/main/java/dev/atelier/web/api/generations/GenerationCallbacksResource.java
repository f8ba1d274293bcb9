package dev.atelier.web.api.generations;

import dev.atelier.spi.plugin.WebhookMessage;
import dev.atelier.web.http.Webhooks;
import dev.atelier.generation.CallbackInbox;
import dev.atelier.generation.GenerationModule;
import dev.atelier.spi.model.Callbacks;
import dev.atelier.web.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * Receives vendors' webhook messages about running generations, on any host (the public base URL need not be a
 * tenant's). The address itself is the credential: signed by the platform per job attempt, so a guessed one is 404.
 * Whether a message is genuine is the model plugin's to check (it knows the vendor's signature scheme and secret).
 *
 * <p>Answers 204 for a kept message, a repeat and a message for an attempt that is over (so the vendor stops
 * retrying), 404 for an address the platform did not make and 413 for a body over {@link Callbacks#MAX_BODY_BYTES}.
 */
@Path("/hooks/generations/{job}/{attempt}/{signature}")
public final class GenerationCallbacksResource {

    private final GenerationModule generation;

    @Inject
    public GenerationCallbacksResource(GenerationModule generation) {
        this.generation = generation;
    }

    @POST
    public Response receive(@PathParam("job") String job, @PathParam("attempt") String attempt,
            @PathParam("signature") String signature, @Context HttpHeaders headers, InputStream body) {
        WebhookMessage message = Webhooks.read(headers, body, Callbacks.MAX_BODY_BYTES);
        CallbackInbox.Receipt receipt = generation.callbacks().receive(job, attempt, signature, message.headers(),
                message.body());
        if (receipt == CallbackInbox.Receipt.UNKNOWN) {
            throw ProblemException.notFound("There is nothing at this address.");
        }
        return Response.noContent().build();
    }
}
