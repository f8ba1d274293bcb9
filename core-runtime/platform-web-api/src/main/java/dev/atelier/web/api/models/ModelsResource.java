package dev.atelier.web.api.models;

import dev.atelier.plugins.ModelInfo;
import dev.atelier.plugins.ModelRegistry;
import dev.atelier.web.Page;
import dev.atelier.web.Pagination;
import dev.atelier.web.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/v1/models}: the generation models deployed right now, looked up live from the plugin host. */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public final class ModelsResource {

    private final ModelRegistry models;
    private final ModelListCache cache;

    @Inject
    public ModelsResource(ModelRegistry models, ModelListCache cache) {
        this.models = models;
        this.cache = cache;
    }

    @GET
    public Response list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        if (limit == null && cursor == null) {
            return Response.ok(cache.firstPage(models.list()), MediaType.APPLICATION_JSON_TYPE).build();
        }
        Page<ModelInfo> page = Pagination.page(models.list(), info -> info.descriptor().id(), limit, cursor);
        return Response.ok(new Page<>(page.items().stream().map(ModelView::of).toList(), page.nextCursor())).build();
    }

    @GET
    @Path("{id}")
    public ModelView get(@PathParam("id") String id) {
        return models.find(id)
                .map(ModelView::of)
                .orElseThrow(() -> ProblemException.notFound("No model '" + id + "' is deployed right now."));
    }
}
