package dev.atelier.web.operator.tenants;

import dev.atelier.core.tenants.ConfigProblem;
import dev.atelier.core.tenants.InvalidTenantConfigException;
import dev.atelier.web.problem.Problem;
import dev.atelier.web.problem.ProblemException;
import java.util.List;

/** The API's answers to a refused tenant creation, as problem+json. */
final class TenantProblems {

    private TenantProblems() {
    }

    /** 422 naming each problem, {@code field} being {@code file:path} as the command line prints it. */
    static ProblemException invalid(InvalidTenantConfigException e) {
        List<Problem.FieldError> errors = e.problems().stream()
                .map(p -> new Problem.FieldError(where(p), p.message())).toList();
        return ProblemException.invalid("The tenant configuration is invalid; nothing was changed.", errors);
    }

    static ProblemException exists(TenantExistsException e) {
        return new ProblemException(409, "Conflict", e.getMessage());
    }

    static ProblemException upload(InvalidUploadException e) {
        return new ProblemException(400, "Bad Request", e.getMessage() + " Nothing was changed.");
    }

    static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(413, "Content Too Large",
                "A tenant folder zip may have at most " + maxBytes / 1024 + " KB.");
    }

    /** {@code file:path}, or whichever of them is known. */
    static String where(ConfigProblem problem) {
        String file = problem.file() == null ? "" : problem.file();
        String path = problem.path() == null ? "" : problem.path();
        return file.isEmpty() ? path : path.isEmpty() ? file : file + ":" + path;
    }
}
