package dev.atelier.core.ratelimit;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantDirectory;
import java.util.Objects;

/**
 * Each tenant's limits ({@code rate_limits} in tenant.yaml) over the platform's: a kind the tenant does not set, or a
 * tenant not found, gets the platform's limit.
 */
public final class TenantRateLimits implements LimitSource {

    private final TenantDirectory tenants;
    private final RateLimits platform;

    public TenantRateLimits(TenantDirectory tenants, RateLimits platform) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    @Override
    public RateLimits.Limit limit(String tenantId, String bucketKind) {
        RateLimits.Limit fallback = platform.limit(bucketKind);
        return tenants.byId(tenantId)
                .map(Tenant::settings)
                .map(settings -> settings.rateLimits().get(bucketKind))
                .orElse(fallback);
    }
}
