package dev.atelier.web.api.generations;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.generation.GenerationModule;
import dev.atelier.generation.InvalidGenerationException;
import dev.atelier.generation.Upload;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.auth.Viewer;
import dev.atelier.web.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * {@code POST /api/v1/uploads} (multipart, part {@code file}): an input for a generation. What the file is comes from
 * its bytes, never its name or declared type; 413/415 say why a file is refused, 429 that the user uploads too fast or
 * keeps too many unused uploads, 503 that too many files are being decoded right now (both with {@code Retry-After}).
 * The id goes into a generation's {@code inputs}; unused uploads expire.
 */
@Path("/api/v1/uploads")
@Produces(MediaType.APPLICATION_JSON)
public final class UploadsResource {

    public record UploadView(String id, String mediaType, String kind, long size, int width, int height,
            Long durationMs, Instant expiresAt) {}

    private final GenerationModule generation;

    @Inject
    public UploadsResource(GenerationModule generation) {
        this.generation = generation;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@Context HttpServletRequest request) throws IOException {
        Viewer viewer = RequestAuth.requireViewer(request);
        Tenant tenant = AuthPages.tenant(request);
        try {
            // Rate and quota first: a refused upload's body is never read.
            generation.uploads().admit(tenant, viewer.account().id());
            Part part = filePart(request);
            Upload upload;
            try (InputStream in = part.getInputStream()) {
                upload = generation.uploads().create(tenant, viewer.account().id(), in);
            }
            return Response.status(201).entity(view(upload)).build();
        } catch (InvalidGenerationException e) {
            return GenerationProblems.of(e);
        }
    }

    private static Part filePart(HttpServletRequest request) throws IOException {
        try {
            Part part = request.getPart("file");
            if (part == null) {
                throw new ProblemException(400, "Bad Request", "Send the file as the multipart part named file.");
            }
            return part;
        } catch (ServletException | IllegalStateException e) {
            throw new ProblemException(413, "Content Too Large", "The file is too large to upload.");
        }
    }

    static UploadView view(Upload u) {
        return new UploadView(u.id(), u.mediaType(), u.kind().name(), u.size(), u.width(), u.height(),
                u.durationMillis(), u.expiresAt());
    }
}
