package dev.atelier.core.mail;

import java.time.Instant;

/**
 * What the outbox knows about one message's delivery.
 *
 * @param attempts      send attempts that failed so far (a sent message keeps the count of failures before it)
 * @param nextAttemptAt when a pending message is tried next
 * @param lastError     why the latest attempt failed, or {@code null}
 * @param sentAt        when the SMTP server (or file) accepted it, or {@code null}
 * @param failedAt      when the outbox gave up on it, or {@code null}
 */
public record OutboxEntry(String id, String tenantId, String to, String subject, Instant createdAt, int attempts,
        Instant nextAttemptAt, String lastError, Instant sentAt, Instant failedAt) {

    /** Where a message stands. */
    public enum Status { PENDING, SENT, FAILED }

    public Status status() {
        return sentAt != null ? Status.SENT : failedAt != null ? Status.FAILED : Status.PENDING;
    }
}
