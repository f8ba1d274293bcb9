package dev.atelier.generation.jobs;

/**
 * The account, or the whole tenant, already has as many generations queued or running as allowed (HTTP 429). Nothing
 * was created or held; submitting again after one finishes works.
 */
public final class ConcurrencyLimitException extends RuntimeException {

    private final int limit;
    private final boolean perUser;

    public ConcurrencyLimitException(int limit, boolean perUser) {
        super(perUser
                ? "You already have " + limit + " generations waiting or running; wait for one to finish."
                : "This site already has " + limit + " generations waiting or running; try again shortly.");
        this.limit = limit;
        this.perUser = perUser;
    }

    /** The limit that was reached. */
    public int limit() {
        return limit;
    }

    /** True for the per-account limit, false for the per-tenant one. */
    public boolean perUser() {
        return perUser;
    }
}
