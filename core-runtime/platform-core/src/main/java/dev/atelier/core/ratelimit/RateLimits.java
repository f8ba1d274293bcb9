package dev.atelier.core.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The configured limits, by bucket kind. Start from {@link #defaults()} and override single kinds with
 * {@link #with(String, Limit)}.
 *
 * <p>Defaults: {@value #SIGNIN_IP} 20 per 10 minutes, {@value #SIGNIN_ACCOUNT} 10 per 15 minutes, {@value #SIGNUP_IP}
 * 10 per hour, {@value #RESET_ACCOUNT} 3 per hour, {@value #RESET_IP} 10 per hour.
 *
 * @param limits limit per bucket kind; copied, never empty
 */
public record RateLimits(Map<String, Limit> limits) {

    /** Sign-in attempts from one client IP (per tenant), whatever the account. */
    public static final String SIGNIN_IP = "signin-ip";
    /** Sign-in attempts against one account, from anywhere. */
    public static final String SIGNIN_ACCOUNT = "signin-account";
    /** Sign-ups from one client IP (per tenant). */
    public static final String SIGNUP_IP = "signup-ip";
    /** Password reset requests for one account. */
    public static final String RESET_ACCOUNT = "reset-account";
    /** Password reset requests from one client IP (per tenant). */
    public static final String RESET_IP = "reset-ip";

    /**
     * At most {@code attempts} per {@code period}. Spent attempts come back gradually (one every
     * {@code period / attempts}), so a full allowance is back after a whole idle {@code period}.
     *
     * @param attempts how many attempts a fresh bucket allows, at least 1
     * @param period over which {@code attempts} are restored, positive
     */
    public record Limit(long attempts, Duration period) {
        public Limit {
            Objects.requireNonNull(period, "period");
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
            }
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("period must be positive: " + period);
            }
        }
    }

    public RateLimits {
        Objects.requireNonNull(limits, "limits");
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("at least one limit is needed");
        }
        limits.forEach((kind, limit) -> {
            if (kind == null || kind.isBlank()) {
                throw new IllegalArgumentException("bucket kind must not be blank");
            }
            Objects.requireNonNull(limit, () -> "limit for " + kind);
        });
        limits = Map.copyOf(limits);
    }

    /** The limits for sign-in, sign-up and password reset listed in the type's Javadoc. */
    public static RateLimits defaults() {
        Map<String, Limit> limits = new LinkedHashMap<>();
        limits.put(SIGNIN_IP, new Limit(20, Duration.ofMinutes(10)));
        limits.put(SIGNIN_ACCOUNT, new Limit(10, Duration.ofMinutes(15)));
        limits.put(SIGNUP_IP, new Limit(10, Duration.ofHours(1)));
        limits.put(RESET_ACCOUNT, new Limit(3, Duration.ofHours(1)));
        limits.put(RESET_IP, new Limit(10, Duration.ofHours(1)));
        return new RateLimits(limits);
    }

    /** These limits with {@code kind} added or replaced. */
    public RateLimits with(String kind, Limit limit) {
        Map<String, Limit> changed = new LinkedHashMap<>(limits);
        changed.put(kind, limit);
        return new RateLimits(changed);
    }

    /**
     * The limit of one bucket kind.
     *
     * @throws IllegalArgumentException if {@code kind} is not configured
     */
    public Limit limit(String kind) {
        Limit limit = kind == null ? null : limits.get(kind);
        if (limit == null) {
            throw new IllegalArgumentException("unknown rate limit bucket kind '" + kind + "'; configured: "
                    + limits.keySet().stream().sorted().toList());
        }
        return limit;
    }
}
