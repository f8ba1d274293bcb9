package dev.atelier.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.glassfish.jersey.server.ParamException;

/**
 * Turns Jersey's own errors (unknown path, wrong method, unsupported media type, unreadable JSON) into problem
 * documents with a sentence a person can act on.
 */
@Provider
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception.getCause() instanceof JsonProcessingException json) {
            return Problems.response(JsonErrors.problem(json));
        }
        if (exception instanceof ParamException param && !(param instanceof ParamException.PathParamException)) {
            // JAX-RS answers an unconvertible query parameter with 404; the address exists, the value is wrong.
            String name = param.getParameterName();
            return Problems.response(new Problem("about:blank", "Bad request", 400,
                    "The parameter " + name + " has a value this address cannot use.",
                    List.of(new Problem.FieldError(name, "has the wrong type"))));
        }
        Response original = exception.getResponse();
        int status = original.getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        Response response = Problems.response(status, title, detailFor(status, exception));
        // Keep headers such as Allow (405) and Retry-After (429/503).
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> response.getHeaders().add(name, v));
            }
        });
        return response;
    }

    private static String detailFor(int status, WebApplicationException exception) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the media type asked for.";
            case 415 -> "This address does not accept that content type.";
            case 400 -> "The request could not be read: it is malformed.";
            default -> status >= 500 ? "Something went wrong on our side." : "The request cannot be handled.";
        };
    }
}
