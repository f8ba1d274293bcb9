package dev.atelier.web.site.assets;

import dev.atelier.web.assets.BrandAssets;

import dev.atelier.web.tenant.RequestTenant;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * {@code /brand/<sha256>.<ext>}: the request's tenant's logo and favicon. Another tenant's file answers 404 here,
 * exactly like a file that does not exist.
 */
@Path("/brand/{file}")
public final class BrandAssetResource {

    private final BrandAssets assets;

    @Inject
    public BrandAssetResource(BrandAssets assets) {
        this.assets = assets;
    }

    @GET
    public Response get(@PathParam("file") String file, @Context HttpServletRequest request) {
        return RequestTenant.of(request)
                .flatMap(tenant -> assets.find(tenant, file))
                .map(asset -> Response.ok(asset.bytes(), asset.contentType())
                        .header("Cache-Control", StaticResource.IMMUTABLE)
                        .header("X-Content-Type-Options", "nosniff")
                        // An SVG opened directly must not run script on the tenant's origin.
                        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                        .build())
                .orElseThrow(NotFoundException::new); // the site's own 404 page
    }
}
