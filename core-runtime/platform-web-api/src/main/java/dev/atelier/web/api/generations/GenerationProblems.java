package dev.atelier.web.api.generations;

import dev.atelier.generation.InvalidGenerationException;
import dev.atelier.web.problem.Problem;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Generation refusals as problem documents (402 also says balance and price, as {@code balance} and {@code price}). */
final class GenerationProblems {

    private static final String RETRY_AFTER_SECONDS = "10";

    private GenerationProblems() {}

    static Response of(InvalidGenerationException e) {
        List<Problem.FieldError> errors = e.errors().stream()
                .map(f -> new Problem.FieldError(f.field(), f.message())).toList();
        if (e.status() == 429 || e.retryAfterSeconds() != null) {
            // Clients back off by Retry-After (see the HTTP conventions); a generation usually ends within the default.
            String retryAfter = e.retryAfterSeconds() != null ? e.retryAfterSeconds().toString() : RETRY_AFTER_SECONDS;
            return Response.fromResponse(dev.atelier.web.problem.Problems.response(new Problem("about:blank",
                    e.title(), e.status(), e.getMessage(), errors))).header("Retry-After", retryAfter).build();
        }
        if (e.status() != 402) {
            return dev.atelier.web.problem.Problems.response(new Problem("about:blank", e.title(), e.status(),
                    e.getMessage(), errors));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", e.title());
        body.put("status", 402);
        body.put("detail", e.getMessage());
        body.put("balance", e.balance());
        body.put("price", e.price());
        return Response.status(402).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
