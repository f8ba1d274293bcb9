package dev.atelier.web.api.models;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.generation.GenerationModule;
import dev.atelier.generation.Offers;
import dev.atelier.plugins.ModelInfo;
import dev.atelier.plugins.ModelRegistry;
import dev.atelier.web.Page;
import dev.atelier.web.Pagination;
import dev.atelier.web.problem.ProblemException;
import dev.atelier.web.tenant.RequestTenant;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code /api/v1/models}: on a tenant's site, the models that tenant offers right now with its prices (what its users
 * may submit); on any other host (the operator's, localhost), every model deployed right now, looked up live from the
 * plugin host.
 */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public final class ModelsResource {

    private final ModelRegistry models;
    private final ModelListCache cache;
    private final GenerationModule generation;

    @Inject
    public ModelsResource(ModelRegistry models, ModelListCache cache, GenerationModule generation) {
        this.models = models;
        this.cache = cache;
        this.generation = generation;
    }

    @GET
    public Response list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
            @Context HttpServletRequest request) {
        Optional<Tenant> tenant = RequestTenant.of(request);
        if (tenant.isPresent()) {
            Page<Offers.Offer> page = Pagination.page(generation.offers().of(tenant.get()), Offers.Offer::id, limit,
                    cursor);
            return Response.ok(new Page<>(page.items().stream().map(ModelView::offered).toList(), page.nextCursor()))
                    .build();
        }
        if (limit == null && cursor == null) {
            return Response.ok(cache.firstPage(models.list()), MediaType.APPLICATION_JSON_TYPE).build();
        }
        Page<ModelInfo> page = Pagination.page(models.list(), info -> info.descriptor().id(), limit, cursor);
        return Response.ok(new Page<>(page.items().stream().map(ModelView::of).toList(), page.nextCursor())).build();
    }

    @GET
    @Path("{id}")
    public ModelView get(@PathParam("id") String id, @Context HttpServletRequest request) {
        Optional<Tenant> tenant = RequestTenant.of(request);
        if (tenant.isPresent()) {
            return generation.offers().find(tenant.get(), id).map(ModelView::offered)
                    .orElseThrow(() -> ProblemException.notFound("This site offers no model '" + id + "'."));
        }
        return models.find(id)
                .map(ModelView::of)
                .orElseThrow(() -> ProblemException.notFound("No model '" + id + "' is deployed right now."));
    }
}
