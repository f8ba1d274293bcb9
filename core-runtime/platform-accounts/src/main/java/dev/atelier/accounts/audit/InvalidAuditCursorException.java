package dev.atelier.accounts.audit;

/** A cursor that {@link AdminAudit#list} did not hand out: callers answer 400. */
public final class InvalidAuditCursorException extends RuntimeException {

    public InvalidAuditCursorException() {
        super("The cursor is not one this list handed out.");
    }
}
