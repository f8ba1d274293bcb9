package dev.atelier.web.operator;

import dev.atelier.plugins.ModelInfo;
import dev.atelier.plugins.ModelRegistry;
import dev.atelier.plugins.ModelUnavailableException;
import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.web.problem.Problem;
import dev.atelier.web.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v1/operator/models/{id}/preview?prompt=...&<parameter>=...}: runs one generation and answers with
 * the first output, so an operator can see a freshly deployed model work before any tenant offers it. Nothing is
 * stored and no credits move.
 */
@Path("/api/v1/operator/models/{id}/preview")
@OperatorOnly
public final class ModelPreviewResource {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int MAX_PROMPT = 2000;

    private final ModelRegistry models;

    @Inject
    public ModelPreviewResource(ModelRegistry models) {
        this.models = models;
    }

    @GET
    public Response preview(@PathParam("id") String id, @Context UriInfo uri) throws IOException {
        ModelInfo model = models.find(id)
                .orElseThrow(() -> ProblemException.notFound("No model '" + id + "' is deployed right now."));
        Map<String, String> query = single(uri.getQueryParameters());
        String prompt = query.getOrDefault("prompt", "");
        if (prompt.isBlank() || prompt.length() > MAX_PROMPT) {
            throw ProblemException.invalid("A preview needs a prompt.", List.of(new Problem.FieldError("prompt",
                    "must be between 1 and " + MAX_PROMPT + " characters")));
        }
        Map<String, Object> parameters = ParameterBinder.bind(model.descriptor(), query, Set.of("prompt"));
        GenerationResult result = generate(id, GenerationRequest.of(prompt, parameters));
        GeneratedMedia media = result.outputs().get(0);
        InputStream content = media.open();
        return Response.ok(content, media.mediaType())
                .header("Cache-Control", "no-store")
                .header("Content-Length", media.size())
                .build();
    }

    private GenerationResult generate(String id, GenerationRequest request) {
        try {
            return models.generate(id, request, new OperatorCallContext(TIMEOUT));
        } catch (ModelUnavailableException e) {
            throw new ProblemException(503, "Model unavailable", e.getMessage());
        } catch (GenerationException e) {
            int status = e.kind() == GenerationException.Kind.INVALID_INPUT ? 422 : 502;
            throw new ProblemException(status, "Generation failed", e.getMessage());
        }
    }

    private static Map<String, String> single(MultivaluedMap<String, String> params) {
        Map<String, String> values = new HashMap<>();
        params.forEach((name, list) -> values.put(name, list.get(list.size() - 1)));
        return values;
    }
}
