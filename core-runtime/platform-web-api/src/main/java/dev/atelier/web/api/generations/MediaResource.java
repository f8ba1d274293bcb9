package dev.atelier.web.api.generations;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.generation.GenerationModule;
import dev.atelier.generation.MediaLinks;
import dev.atelier.spi.storage.ObjectNotFoundException;
import dev.atelier.spi.storage.StorageException;
import dev.atelier.spi.storage.StoredObject;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;

/**
 * Serves stored media through the platform's signed, expiring links ({@link MediaLinks}) for storage plugins that
 * hand out no URLs of their own (local storage). A link is good only on its tenant's hosts; an expired one is 403,
 * a forged or foreign one 404.
 */
@Path("/media")
public final class MediaResource {

    private final GenerationModule generation;

    @Inject
    public MediaResource(GenerationModule generation) {
        this.generation = generation;
    }

    @GET
    @Path("{key: .+}")
    public Response get(@PathParam("key") String key, @QueryParam("exp") String exp, @QueryParam("sig") String sig,
            @QueryParam("download") String download, @Context HttpServletRequest request) {
        Tenant tenant = AuthPages.tenant(request);
        MediaLinks.Check check = generation.links().check(tenant, key, exp, sig);
        if (check == MediaLinks.Check.EXPIRED) {
            throw new ProblemException(403, "Forbidden", "This link has expired. Open the page again for a new one.");
        }
        if (check != MediaLinks.Check.VALID) {
            throw ProblemException.notFound("There is nothing at this address.");
        }
        try {
            Optional<StoredObject> object = generation.storage().stat(tenant, key);
            if (object.isEmpty()) {
                throw ProblemException.notFound("There is nothing at this address.");
            }
            InputStream in = generation.storage().get(tenant, key);
            StreamingOutput body = out -> {
                try (in) {
                    in.transferTo(out);
                }
            };
            long maxAge = Math.max(0, Long.parseLong(exp) - Instant.now().getEpochSecond());
            Response.ResponseBuilder response = Response.ok(body, object.get().contentType())
                    .header("Content-Length", object.get().size())
                    .header("Cache-Control", "private, max-age=" + maxAge)
                    .header("X-Content-Type-Options", "nosniff");
            if (download != null) {
                response.header("Content-Disposition", "attachment; filename=\"" + fileName(key) + "\"");
            }
            return response.build();
        } catch (ObjectNotFoundException e) {
            throw ProblemException.notFound("There is nothing at this address.");
        } catch (StorageException e) {
            throw new ProblemException(503, "Service Unavailable", "This file cannot be read right now.");
        }
    }

    private static String fileName(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
