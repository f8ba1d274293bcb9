package dev.atelier.accounts;

/** A value a person typed is not acceptable; the message says, for that person, what to change. */
public final class InvalidAccountInputException extends RuntimeException {

    private final String field;

    public InvalidAccountInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input at fault: {@code email}, {@code password}, {@code newPassword} or {@code displayName}. */
    public String field() {
        return field;
    }
}
