package dev.atelier.web.bots;

import dev.atelier.core.ratelimit.FailureCounter;
import dev.atelier.core.ratelimit.InProcessFailureCounter;
import java.time.Duration;
import java.util.Locale;

/**
 * Counts failed password sign-ins per account and per client address of a tenant, so that sign-in asks for a bot
 * challenge once either has failed {@link #THRESHOLD} times in a row. A run of failures is forgotten {@link #WINDOW}
 * after its last failure; a successful sign-in clears the account's run.
 *
 * <p>Where they are counted is the {@link FailureCounter}'s business: in Redis for the whole cluster when
 * {@code atelier.redis.url} is set, so failures spread over several web nodes add up; else in this process.
 */
public final class FailedSignIns {

    /** Failures after which sign-in asks for a challenge. */
    public static final int THRESHOLD = 3;
    /** How long a run of failures is remembered after the last one. */
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final FailureCounter counter;

    /** Counted in this process. */
    public FailedSignIns() {
        this(new InProcessFailureCounter(WINDOW));
    }

    /** Counted by {@code counter}, whose runs must last {@link #WINDOW}. */
    public FailedSignIns(FailureCounter counter) {
        this.counter = counter;
    }

    /** Counts one failed sign-in of {@code email} from {@code clientIp} at {@code tenantId}. */
    public void failed(String tenantId, String clientIp, String email) {
        counter.failed(addressKey(tenantId, clientIp));
        counter.failed(accountKey(tenantId, email));
    }

    /** Forgets the account's failures: its owner just signed in. */
    public void succeeded(String tenantId, String email) {
        counter.clear(accountKey(tenantId, email));
    }

    /** Whether the account or the address has failed {@link #THRESHOLD} times in a row recently. */
    public boolean challengeDue(String tenantId, String clientIp, String email) {
        return counter.count(addressKey(tenantId, clientIp)) >= THRESHOLD
                || counter.count(accountKey(tenantId, email)) >= THRESHOLD;
    }

    private static String addressKey(String tenantId, String clientIp) {
        return tenantId + ":ip:" + clientIp;
    }

    private static String accountKey(String tenantId, String email) {
        String account = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return tenantId + ":account:" + (account.length() > 254 ? account.substring(0, 254) : account);
    }
}
