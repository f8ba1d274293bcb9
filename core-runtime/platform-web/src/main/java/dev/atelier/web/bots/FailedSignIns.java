package dev.atelier.web.bots;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed password sign-ins per account and per client address of a tenant, so that sign-in asks for a bot
 * challenge once either has failed {@link #THRESHOLD} times in a row. A failure older than {@link #WINDOW} since the
 * last one starts the count again; a successful sign-in clears the account's count.
 *
 * <p>Counts are kept in this process: on several web nodes each node counts its own failures, so a challenge comes
 * at the latest after {@code THRESHOLD} failures on one node. The rate limits ({@code Throttle}) still cap guessing
 * across the cluster.
 */
public final class FailedSignIns {

    /** Failures after which sign-in asks for a challenge. */
    public static final int THRESHOLD = 3;
    /** How long a run of failures is remembered after the last one. */
    public static final Duration WINDOW = Duration.ofMinutes(15);

    // Beyond this many keys, expired runs are dropped before a new one is added: a flood of addresses stays bounded.
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Clock clock;

    public FailedSignIns() {
        this(Clock.systemUTC());
    }

    /** With the clock failures are timed by. */
    public FailedSignIns(Clock clock) {
        this.clock = clock;
    }

    /** Counts one failed sign-in of {@code email} from {@code clientIp} at {@code tenantId}. */
    public void failed(String tenantId, String clientIp, String email) {
        Instant now = clock.instant();
        if (runs.size() > MAX_KEYS) {
            runs.values().removeIf(run -> run.expired(now));
        }
        for (String key : keys(tenantId, clientIp, email)) {
            runs.merge(key, new Run(1, now), (old, one) -> old.expired(now) ? one : new Run(old.count() + 1, now));
        }
    }

    /** Forgets the account's failures: its owner just signed in. */
    public void succeeded(String tenantId, String email) {
        runs.remove(accountKey(tenantId, email));
    }

    /** Whether the account or the address has failed {@link #THRESHOLD} times in a row recently. */
    public boolean challengeDue(String tenantId, String clientIp, String email) {
        Instant now = clock.instant();
        for (String key : keys(tenantId, clientIp, email)) {
            Run run = runs.get(key);
            if (run != null && !run.expired(now) && run.count() >= THRESHOLD) {
                return true;
            }
        }
        return false;
    }

    private static String[] keys(String tenantId, String clientIp, String email) {
        return new String[] {tenantId + ":ip:" + clientIp, accountKey(tenantId, email)};
    }

    private static String accountKey(String tenantId, String email) {
        String account = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return tenantId + ":account:" + (account.length() > 254 ? account.substring(0, 254) : account);
    }

    private record Run(int count, Instant last) {
        boolean expired(Instant now) {
            return last.plus(WINDOW).isBefore(now);
        }
    }
}
