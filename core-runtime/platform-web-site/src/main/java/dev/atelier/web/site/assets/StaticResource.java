package dev.atelier.web.site.assets;

import dev.atelier.web.assets.ContentTypes;
import dev.atelier.web.assets.StaticFiles;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code /static/<theme>/<hash>/<path>}: theme files, cached for a year by browsers. A changed file gets a new hash,
 * so an old hash answers 404 rather than a stale or mismatched file.
 */
@Path("/static/{theme}/{hash}/{path: .+}")
public final class StaticResource {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final StaticFiles files;

    @Inject
    public StaticResource(StaticFiles files) {
        this.files = files;
    }

    @GET
    public Response get(@PathParam("theme") String theme, @PathParam("hash") String hash,
            @PathParam("path") String path) {
        return files.resolve(theme, path)
                .filter(file -> files.hash(file).equals(hash))
                .map(file -> Response.ok(file.toFile(), ContentTypes.of(file.getFileName().toString()))
                        .header("Cache-Control", IMMUTABLE)
                        .header("X-Content-Type-Options", "nosniff")
                        .build())
                .orElseThrow(NotFoundException::new); // the site's own 404 page
    }
}
