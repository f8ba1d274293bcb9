package dev.atelier.web.operator.health;

/**
 * The transactional mail outbox ({@code mail_outbox}).
 *
 * @param pending messages not sent yet
 * @param retrying of those, messages that failed at least once and wait for another try
 * @param failed messages given up on in the last 24 hours
 */
public record OutboxDepth(long pending, long retrying, long failed) {}
