package dev.atelier.web.api.openapi;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI document of the JSON API, the same on every host and for everyone
 * (it describes routes, never a tenant's data), so API clients and generators can read it without signing in.
 */
@Path("/api/v1/openapi.json")
public final class OpenApiResource {

    private final OpenApiDocument document;

    @Inject
    public OpenApiResource(OpenApiDocument document) {
        this.document = document;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response document() {
        return Response.ok(document.json()).header("Cache-Control", "public, max-age=300").build();
    }
}
