package dev.atelier.core.ratelimit;

/**
 * Counts recent failures of an action per key, such as failed sign-ins that make sign-in ask for a bot challenge. A
 * run of failures is forgotten once {@code window} (given to the implementation) has passed since its last failure.
 *
 * <p>Two implementations, as for {@link RateLimiter}: {@link InProcessFailureCounter} counts in this JVM (one node), and
 * a Redis-backed one counts for every node when {@code atelier.redis.url} is set. Keys are the caller's, already scoped
 * by tenant; they may hold addresses or emails, so implementations never log or store them in the clear.
 */
public interface FailureCounter {

    /**
     * Counts one failure of {@code key}.
     *
     * @return the length of the key's run of failures, this one included
     */
    long failed(String key);

    /**
     * The length of the key's current run of failures; 0 when none, or when it was forgotten. A counter that cannot
     * tell (its store unreachable) answers {@link Long#MAX_VALUE}, so callers treat the key as having failed often:
     * asking one more person for a challenge is the safe side.
     */
    long count(String key);

    /** Forgets the key's run of failures (its owner succeeded). */
    void clear(String key);
}
