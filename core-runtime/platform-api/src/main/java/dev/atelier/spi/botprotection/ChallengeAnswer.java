package dev.atelier.spi.botprotection;

import java.util.Objects;
import java.util.Optional;

/**
 * What a page submitted for a challenge, and what the challenge must have been passed for.
 *
 * @param token the token the widget wrote into the form; {@code null} or blank when the form had none
 * @param clientIp the visitor's IP address as the host sees it (after trusted proxies), for the vendor's own checks;
 *     {@code null} when unknown
 * @param action what the visitor is doing, as the page's widget declared it: {@code signup}, {@code signin} or
 *     {@code checkout}; a token issued for another action is refused
 * @param hostname the tenant's host name the page was served on, for example {@code auratuner.com}; a token issued on
 *     another site is refused
 */
public record ChallengeAnswer(String token, String clientIp, String action, String hostname) {

    public ChallengeAnswer {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(hostname, "hostname");
    }

    /** The token, if the form carried a non-blank one. */
    public Optional<String> presentToken() {
        return token == null || token.isBlank() ? Optional.empty() : Optional.of(token.strip());
    }
}
