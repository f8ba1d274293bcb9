package dev.atelier.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.ConfigSources;
import dev.atelier.core.ratelimit.InProcessRateLimiter;
import dev.atelier.core.ratelimit.RateLimits;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantDirectory;
import dev.atelier.redis.Redis;
import dev.atelier.redis.RedisRateLimiter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's limits come from configuration, and its limiter counts in Redis exactly when Redis is configured. */
class RateLimitWiringTest {

    private static final TenantDirectory NO_TENANTS = new TenantDirectory() {
        @Override
        public Optional<Tenant> byHost(String host) {
            return Optional.empty();
        }

        @Override
        public Optional<Tenant> bySlug(String slug) {
            return Optional.empty();
        }

        @Override
        public List<Tenant> all() {
            return List.of();
        }
    };

    @TempDir
    Path home;

    private AtelierConfig config(Map<String, String> env) throws Exception {
        return AtelierConfig.load(ConfigSources.standard(home, env, Map.of()));
    }

    @Test
    void platformLimitsAreTheDefaultsWithTheUploadRateAndTheConfiguredOverrides() throws Exception {
        RateLimits limits = RateLimitWiring.platformLimits(config(Map.of("ATELIER_UPLOADS_PER_MINUTE", "6",
                "ATELIER_RATE_LIMITS", "checkout=2/1h, signin-ip=40/10m",
                "ATELIER_RATE_LIMITS_FAIL_CLOSED", "signin-ip,checkout")));

        assertThat(limits.limit(RateLimits.UPLOAD)).isEqualTo(new RateLimits.Limit(6, Duration.ofMinutes(1)));
        assertThat(limits.limit(RateLimits.CHECKOUT)).isEqualTo(new RateLimits.Limit(2, Duration.ofHours(1)));
        assertThat(limits.limit(RateLimits.SIGNIN_IP)).isEqualTo(new RateLimits.Limit(40, Duration.ofMinutes(10)));
        assertThat(limits.failClosed()).containsExactlyInAnyOrder(RateLimits.SIGNIN_IP, RateLimits.CHECKOUT);
    }

    @Test
    void theDefaultFailModesAreTheDocumentedOnes() throws Exception {
        assertThat(RateLimitWiring.platformLimits(config(Map.of())).failClosed())
                .isEqualTo(RateLimits.DEFAULT_FAIL_CLOSED);
    }

    @Test
    void aWrongSettingIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> RateLimitWiring.platformLimits(config(Map.of("ATELIER_RATE_LIMITS", "sign-in=5/1m"))))
                .hasMessageStartingWith("atelier.rate-limits:").hasMessageContaining("sign-in");
        assertThatThrownBy(() -> RateLimitWiring.platformLimits(config(Map.of("ATELIER_RATE_LIMITS",
                "checkout=5 a minute")))).hasMessageContaining("attempts/period");
        assertThatThrownBy(() -> RateLimitWiring.platformLimits(config(Map.of("ATELIER_RATE_LIMITS_FAIL_CLOSED",
                "everything")))).hasMessageStartingWith("atelier.rate-limits.fail-closed:");
    }

    @Test
    void countsInRedisWhenConfiguredElseInProcess() {
        RateLimits limits = RateLimits.defaults();

        assertThat(RateLimitWiring.limiter(limits, NO_TENANTS, Optional.empty()))
                .isInstanceOf(InProcessRateLimiter.class);
        try (Redis redis = Redis.at("redis://127.0.0.1:6399")) {
            assertThat(RateLimitWiring.limiter(limits, NO_TENANTS, Optional.of(redis)))
                    .isInstanceOf(RedisRateLimiter.class);
        }
    }
}
