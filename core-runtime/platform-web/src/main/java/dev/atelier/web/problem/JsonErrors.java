package dev.atelier.web.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import java.util.List;

/**
 * Says what is wrong with a JSON body in words a client developer can act on: which field, and whether it is unknown
 * or of the wrong type. Jackson's own messages name our Java classes, so they are never passed on.
 */
final class JsonErrors {

    private JsonErrors() {}

    /** A 400 problem for a body Jackson could not read. */
    static Problem problem(JsonProcessingException exception) {
        String field = exception instanceof JsonMappingException mapping ? field(mapping) : "";
        if (exception instanceof PropertyBindingException unknown) {
            return invalid("The body has a field this address does not know: " + unknown.getPropertyName() + ".",
                    field, "is not a field of this request");
        }
        if (exception instanceof MismatchedInputException) {
            return field.isEmpty()
                    ? invalid("The body must be a JSON object with the fields this address documents.", "", "")
                    : invalid("The field " + field + " has the wrong type or value.", field, "has the wrong type");
        }
        if (exception instanceof JsonMappingException && !field.isEmpty()) {
            return invalid("The field " + field + " could not be read.", field, "could not be read");
        }
        JsonLocation at = exception.getLocation();
        return invalid("The body is not valid JSON" + (at == null || at.getLineNr() < 0 ? "."
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")."), "", "");
    }

    // The JSON path of the field, such as inputs[0] or parameters.steps.
    private static String field(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Problem invalid(String detail, String field, String message) {
        return new Problem("about:blank", "Bad request", 400, detail,
                field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message)));
    }
}
