package dev.atelier.generation;

import java.util.List;

/**
 * A generation or upload request that cannot be accepted as given. Carries an HTTP status (402, 404, 409, 413, 415,
 * 422, 429, 503), a title and a detail written for a person, and field errors where one field is to blame.
 */
public final class InvalidGenerationException extends RuntimeException {

    /** One field's problem, as the JSON API lists it. */
    public record FieldError(String field, String message) {}

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final Long balance;
    private final Long price;
    private final Long retryAfterSeconds;

    public InvalidGenerationException(int status, String title, String detail, List<FieldError> errors) {
        this(status, title, detail, errors, null, null, null);
    }

    private InvalidGenerationException(int status, String title, String detail, List<FieldError> errors, Long balance,
            Long price, Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.balance = balance;
        this.price = price;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429 or 503 with the seconds a client should wait before trying again ({@code Retry-After}). */
    public static InvalidGenerationException retryLater(int status, String detail, long retryAfterSeconds) {
        return new InvalidGenerationException(status, status == 429 ? "Too Many Requests" : "Service Unavailable",
                detail, List.of(), null, null, Math.max(1, retryAfterSeconds));
    }

    /** 402: the balance does not cover the price. */
    public static InvalidGenerationException insufficientCredits(long balance, long price) {
        return new InvalidGenerationException(402, "Not enough credits", "This needs " + price + " credits and you have "
                + balance + ". Get more credits, or choose a cheaper model or a smaller size.", List.of(), balance, price,
                null);
    }

    public static InvalidGenerationException field(String field, String message) {
        return new InvalidGenerationException(422, "Unprocessable Content", message,
                List.of(new FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** For 402: the user's balance; otherwise null. */
    public Long balance() {
        return balance;
    }

    /** For a 429 or 503 that says when to try again: the seconds to wait; otherwise null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** For 402: the price asked; otherwise null. */
    public Long price() {
        return price;
    }
}
