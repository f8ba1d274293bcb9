package dev.atelier.web.site.assets;

import dev.atelier.web.assets.BrandStyleSheet;
import dev.atelier.web.assets.ContentTypes;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /brand/style.css?primary=%23rrggbb&…}: the brand's colours and fonts as custom properties (see
 * {@link BrandStyleSheet}). The sheet depends on nothing but its address, so browsers may keep it for a year: a
 * rebrand changes the address.
 */
@Path("/brand/style.css")
public final class BrandStyleResource {

    @GET
    public Response get(@Context UriInfo uri) {
        return Response.ok(BrandStyleSheet.of(uri.getQueryParameters()), ContentTypes.of("style.css"))
                .header("Cache-Control", StaticResource.IMMUTABLE)
                .build();
    }
}
