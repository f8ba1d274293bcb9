package dev.atelier.generation.jobs;

/**
 * A submit reused an idempotency key of the same account for a different request (HTTP 409). Nothing was created.
 */
public final class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String message) {
        super(message);
    }
}
