package dev.atelier.web.operator;

import dev.atelier.core.ratelimit.RateLimiterStatus;
import dev.atelier.web.auth.AccountServices;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/operator/rate-limits}: where this node counts rate limits ({@code in-process} or the Redis it
 * shares, without password), whether Redis is reachable now, and what its outages cost since start: how many times it
 * became unreachable, and the attempts let through uncounted (fail-open kinds) or refused with 503 (fail-closed kinds)
 * meanwhile. The counts are this node's.
 */
@Path("/api/v1/operator/rate-limits")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public final class OperatorRateLimitsResource {

    private final AccountServices accounts;

    @Inject
    public OperatorRateLimitsResource(AccountServices accounts) {
        this.accounts = accounts;
    }

    @GET
    public RateLimiterStatus status() {
        return accounts.rateLimiter().status();
    }
}
