package dev.atelier.billing.credits;

import java.time.Instant;

/**
 * Where some of an account's credits come from: one grant with credits left, as the person's billing page breaks their
 * balance down.
 *
 * @param reason the grant's reason ("Creator plan", "200 credits", "Sign-up bonus")
 * @param remaining credits of it not yet spent; running generations may hold some of them
 * @param expiresAt when what is left stops counting, or {@code null} for never
 * @param grantedAt when it was granted
 */
public record CreditSource(String reason, long remaining, Instant expiresAt, Instant grantedAt) {}
