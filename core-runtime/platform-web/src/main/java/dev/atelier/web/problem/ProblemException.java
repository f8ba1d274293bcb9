package dev.atelier.web.problem;

import java.util.List;

/** Thrown by resources to answer with a problem document; mapped by {@link ProblemExceptionMapper}. */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(int status, String title, String detail) {
        this(new Problem("about:blank", title, status, detail, List.of()));
    }

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    /** 422: the request was well-formed but some values are not acceptable. */
    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(new Problem("about:blank", "Invalid request", 422, detail, errors));
    }

    public Problem problem() {
        return problem;
    }
}
