package dev.atelier.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document: what went wrong, written for a person, plus field errors for validation failures.
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title short summary that does not change between occurrences
 * @param status the HTTP status
 * @param detail this occurrence, for a person
 * @param errors one entry per invalid field; empty unless the request failed validation
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    /** Media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {}

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
