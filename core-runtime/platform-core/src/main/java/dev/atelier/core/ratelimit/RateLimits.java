package dev.atelier.core.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The configured limits, by bucket kind. Start from {@link #defaults()} and override single kinds with
 * {@link #with(String, Limit)}.
 *
 * <p>Defaults: {@value #SIGNIN_IP} 20 per 10 minutes, {@value #SIGNIN_ACCOUNT_IP} 10 per 15 minutes,
 * {@value #SIGNIN_ACCOUNT} 50 per 15 minutes, {@value #SIGNUP_IP} 10 per hour, {@value #RESET_ACCOUNT} 3 per hour,
 * {@value #RESET_IP} 10 per hour, {@value #REAUTH_ACCOUNT} 10 per 15 minutes, {@value #EMAIL_CHANGE_ACCOUNT} 5 per
 * hour.
 *
 * @param limits limit per bucket kind; copied, never empty
 */
public record RateLimits(Map<String, Limit> limits) {

    /** Sign-in attempts from one client IP (per tenant), whatever the account. */
    public static final String SIGNIN_IP = "signin-ip";
    /**
     * Sign-in attempts against one account, from anywhere: looser than {@link #SIGNIN_ACCOUNT_IP}, so that guessing
     * from a few addresses cannot lock the owner out, yet guessing from many is still capped.
     */
    public static final String SIGNIN_ACCOUNT = "signin-account";
    /** Sign-in attempts against one account from one client IP. */
    public static final String SIGNIN_ACCOUNT_IP = "signin-account-ip";
    /** Current-password checks of a signed-in account (password change, email change, deletion). */
    public static final String REAUTH_ACCOUNT = "reauth-account";
    /** Email change links mailed for one account. */
    public static final String EMAIL_CHANGE_ACCOUNT = "email-change-account";
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

    /** The limits of account actions listed in the type's Javadoc. */
    public static RateLimits defaults() {
        Map<String, Limit> limits = new LinkedHashMap<>();
        limits.put(SIGNIN_IP, new Limit(20, Duration.ofMinutes(10)));
        limits.put(SIGNIN_ACCOUNT_IP, new Limit(10, Duration.ofMinutes(15)));
        limits.put(SIGNIN_ACCOUNT, new Limit(50, Duration.ofMinutes(15)));
        limits.put(SIGNUP_IP, new Limit(10, Duration.ofHours(1)));
        limits.put(RESET_ACCOUNT, new Limit(3, Duration.ofHours(1)));
        limits.put(RESET_IP, new Limit(10, Duration.ofHours(1)));
        limits.put(REAUTH_ACCOUNT, new Limit(10, Duration.ofMinutes(15)));
        limits.put(EMAIL_CHANGE_ACCOUNT, new Limit(5, Duration.ofHours(1)));
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
