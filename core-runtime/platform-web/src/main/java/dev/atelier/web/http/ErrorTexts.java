package dev.atelier.web.http;

/** The title and the sentence for a person that an error page or problem carries when nothing more is known. */
public record ErrorTexts(String title, String detail) {

    /** The usual texts for {@code status}. */
    public static ErrorTexts of(int status) {
        return switch (status) {
            case 400 -> new ErrorTexts("Bad request", "The request could not be read.");
            case 403 -> new ErrorTexts("Forbidden", "This request is not allowed.");
            case 404 -> new ErrorTexts("Not found", "There is nothing at this address.");
            case 405 -> new ErrorTexts("Method not allowed", "This address does not accept that method.");
            case 408 -> new ErrorTexts("Request timeout", "The request took too long to arrive.");
            case 413 -> new ErrorTexts("Content too large", "The request body is larger than this address accepts.");
            case 414 -> new ErrorTexts("URI too long", "The address is too long.");
            case 415 -> new ErrorTexts("Unsupported media type", "This address does not accept that content type.");
            case 431 -> new ErrorTexts("Request header fields too large", "The request headers are too large.");
            case 503 -> new ErrorTexts("Service unavailable", "The service is unavailable. Please try again soon.");
            default -> status >= 500
                    ? new ErrorTexts("Something went wrong", "Something went wrong on our side. Please try again.")
                    : new ErrorTexts("Bad request", "The request could not be handled.");
        };
    }
}
