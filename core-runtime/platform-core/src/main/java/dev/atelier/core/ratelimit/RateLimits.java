package dev.atelier.core.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's limits, by bucket kind, and which kinds fail closed. Start from {@link #defaults()} and override
 * single kinds with {@link #with(String, Limit)} or {@link #withOverrides(String)}; a tenant may override them again
 * ({@link TenantRateLimits}).
 *
 * <p>Defaults: {@value #SIGNIN_IP} 20 per 10 minutes, {@value #SIGNIN_ACCOUNT_IP} 10 per 15 minutes,
 * {@value #SIGNIN_ACCOUNT} 50 per 15 minutes, {@value #SIGNUP_IP} 10 per hour, {@value #RESET_ACCOUNT} 3 per hour,
 * {@value #RESET_IP} 10 per hour, {@value #REAUTH_ACCOUNT} 10 per 15 minutes, {@value #EMAIL_CHANGE_ACCOUNT} 5 per
 * hour, {@value #GENERATION_SUBMIT} 300 per 10 minutes, {@value #UPLOAD} 20 per minute, {@value #CHECKOUT} 10 per
 * 10 minutes. Submits allow a large burst on purpose: an API client may queue a batch at once, and credits and the
 * per-account limit on generations in progress already bound what a burst costs; the limit stops floods of requests.
 *
 * <p><b>Fail modes.</b> When the shared counter (Redis) cannot be reached, a kind in {@link #failClosed()} refuses
 * the attempt ({@link RateLimiterUnavailableException}, 503) and any other kind lets it through uncounted. By default
 * the kinds that guard passwords and accounts fail closed ({@link #DEFAULT_FAIL_CLOSED}): a Redis outage must not open
 * a window for password guessing or mass sign-ups. The rest (generations, uploads, checkout) fail open: they are
 * already bounded by credits, quotas and payments, and refusing paying users for an outage of a side service costs
 * more than a few uncounted attempts.
 *
 * @param limits limit per bucket kind; copied, never empty
 * @param failClosed the kinds that refuse attempts while the shared counter cannot be reached; each a kind of
 *     {@code limits}
 */
public record RateLimits(Map<String, Limit> limits, Set<String> failClosed) implements LimitSource {

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
    /** Generations one account submits (the API and the create form). */
    public static final String GENERATION_SUBMIT = "generation-submit";
    /** Files one account uploads as inputs of generations. */
    public static final String UPLOAD = "upload";
    /** Checkouts (plan or top-up purchases) one account starts. */
    public static final String CHECKOUT = "checkout";

    /** The kinds that fail closed unless configured otherwise: sign-in, sign-up, password reset and re-entry. */
    public static final Set<String> DEFAULT_FAIL_CLOSED = Set.of(SIGNIN_IP, SIGNIN_ACCOUNT, SIGNIN_ACCOUNT_IP,
            SIGNUP_IP, RESET_ACCOUNT, RESET_IP, REAUTH_ACCOUNT);

    private static final Pattern LIMIT = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*([smhd])\\s*");

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

        /**
         * Reads a limit written {@code attempts/period}, the period a whole number of seconds, minutes, hours or days:
         * {@code 20/10m}, {@code 3/1h}, {@code 100/1d}.
         *
         * @throws IllegalArgumentException naming what is wrong
         */
        public static Limit parse(String text) {
            Matcher m = text == null ? null : LIMIT.matcher(text);
            if (m == null || !m.matches()) {
                throw new IllegalArgumentException("a limit is written attempts/period, such as 20/10m (s, m, h or"
                        + " d), not \"" + text + "\"");
            }
            long attempts = Long.parseLong(m.group(1));
            long amount = Long.parseLong(m.group(2));
            if (attempts < 1 || amount < 1) {
                throw new IllegalArgumentException("a limit needs at least 1 attempt per a positive period, not \""
                        + text.strip() + "\"");
            }
            Duration period = switch (m.group(3)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return new Limit(attempts, period);
        }

        /** The limit written as {@link #parse} reads it, in the largest whole unit: {@code 20/10m}. */
        public String text() {
            long seconds = period.getSeconds();
            String unit = seconds % 86_400 == 0 ? seconds / 86_400 + "d" : seconds % 3600 == 0 ? seconds / 3600 + "h"
                    : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
            return attempts + "/" + unit;
        }
    }

    /** Limits of which none fails closed. */
    public RateLimits(Map<String, Limit> limits) {
        this(limits, Set.of());
    }

    public RateLimits {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(failClosed, "failClosed");
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
        for (String kind : failClosed) {
            if (!limits.containsKey(kind)) {
                throw new IllegalArgumentException("unknown rate limit bucket kind '" + kind + "' set to fail closed;"
                        + " configured: " + limits.keySet().stream().sorted().toList());
            }
        }
        failClosed = Set.copyOf(failClosed);
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
        limits.put(GENERATION_SUBMIT, new Limit(300, Duration.ofMinutes(10)));
        limits.put(UPLOAD, new Limit(20, Duration.ofMinutes(1)));
        limits.put(CHECKOUT, new Limit(10, Duration.ofMinutes(10)));
        return new RateLimits(limits, DEFAULT_FAIL_CLOSED);
    }

    /** These limits with {@code kind} added or replaced. */
    public RateLimits with(String kind, Limit limit) {
        Map<String, Limit> changed = new LinkedHashMap<>(limits);
        changed.put(kind, limit);
        return new RateLimits(changed, failClosed);
    }

    /**
     * These limits with the kinds listed in {@code spec} replaced: {@code kind=attempts/period} entries separated by
     * commas ({@code signin-ip=30/10m, checkout=5/10m}); an empty spec changes nothing.
     *
     * @throws IllegalArgumentException naming an unknown kind or a badly written limit
     */
    public RateLimits withOverrides(String spec) {
        RateLimits changed = this;
        for (String entry : entries(spec)) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("each entry is written kind=attempts/period, not \"" + entry + "\"");
            }
            String kind = entry.substring(0, eq).strip();
            limit(kind);
            changed = changed.with(kind, Limit.parse(entry.substring(eq + 1)));
        }
        return changed;
    }

    /**
     * These limits with exactly the kinds listed in {@code spec} (comma-separated) failing closed; an empty spec makes
     * every kind fail open.
     *
     * @throws IllegalArgumentException naming an unknown kind
     */
    public RateLimits withFailClosed(String spec) {
        Set<String> kinds = new LinkedHashSet<>();
        for (String kind : entries(spec)) {
            limit(kind);
            kinds.add(kind);
        }
        return new RateLimits(limits, kinds);
    }

    /** Whether {@code kind} refuses attempts while the shared counter cannot be reached. */
    public boolean failsClosed(String kind) {
        return failClosed.contains(kind);
    }

    /** The platform's limit whatever the tenant: tenants' own limits are {@link TenantRateLimits}. */
    @Override
    public Limit limit(String tenantId, String bucketKind) {
        return limit(bucketKind);
    }

    private static java.util.List<String> entries(String spec) {
        if (spec == null || spec.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(spec.split(",")).map(String::strip).filter(e -> !e.isEmpty())
                .map(e -> e.toLowerCase(Locale.ROOT)).toList();
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
