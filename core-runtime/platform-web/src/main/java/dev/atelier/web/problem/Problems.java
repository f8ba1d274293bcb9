package dev.atelier.web.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem responses. */
public final class Problems {

    private Problems() {}

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(int status, String title, String detail) {
        return response(new Problem("about:blank", title, status, detail, List.of()));
    }
}
