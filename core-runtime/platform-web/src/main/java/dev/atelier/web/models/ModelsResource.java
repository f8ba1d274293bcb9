package dev.atelier.web.models;

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

/** {@code /api/v1/models}: the generation models deployed right now, looked up live from the plugin host. */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public final class ModelsResource {

    private final ModelRegistry models;

    @Inject
    public ModelsResource(ModelRegistry models) {
        this.models = models;
    }

    @GET
    public Page<ModelView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Page<ModelInfo> page = Pagination.page(models.list(), info -> info.descriptor().id(), limit, cursor);
        return new Page<>(page.items().stream().map(ModelView::of).toList(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    public ModelView get(@PathParam("id") String id) {
        return models.find(id)
                .map(ModelView::of)
                .orElseThrow(() -> ProblemException.notFound("No model '" + id + "' is deployed right now."));
    }
}
