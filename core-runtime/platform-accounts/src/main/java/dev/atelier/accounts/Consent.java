package dev.atelier.accounts;

import java.time.Instant;

/**
 * One acceptance of a legal document.
 *
 * @param document which document, such as {@code terms} or {@code privacy}
 * @param version the version accepted, as the legal pages number them
 * @param acceptedAt when
 * @param ip the address the acceptance came from; null for acceptances recorded without one
 */
public record Consent(String document, String version, Instant acceptedAt, String ip) {}
