package dev.atelier.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    @Test
    void defaultsCoverSignInSignUpResetAndReauthentication() {
        RateLimits limits = RateLimits.defaults();

        assertThat(limits.limit(RateLimits.SIGNIN_IP)).isEqualTo(new RateLimits.Limit(20, Duration.ofMinutes(10)));
        // Guesses from one address stop well before the per-email limit that would lock the owner out.
        assertThat(limits.limit(RateLimits.SIGNIN_ACCOUNT_IP)).isEqualTo(new RateLimits.Limit(10, Duration.ofMinutes(15)));
        assertThat(limits.limit(RateLimits.SIGNIN_ACCOUNT)).isEqualTo(new RateLimits.Limit(50, Duration.ofMinutes(15)));
        assertThat(limits.limit(RateLimits.REAUTH_ACCOUNT)).isEqualTo(new RateLimits.Limit(10, Duration.ofMinutes(15)));
        assertThat(limits.limit(RateLimits.EMAIL_CHANGE_ACCOUNT)).isEqualTo(new RateLimits.Limit(5, Duration.ofHours(1)));
        assertThat(limits.limit(RateLimits.SIGNUP_IP)).isEqualTo(new RateLimits.Limit(10, Duration.ofHours(1)));
        assertThat(limits.limit(RateLimits.RESET_ACCOUNT)).isEqualTo(new RateLimits.Limit(3, Duration.ofHours(1)));
        assertThat(limits.limit(RateLimits.RESET_IP)).isEqualTo(new RateLimits.Limit(10, Duration.ofHours(1)));
    }

    @Test
    void overridingOneKindKeepsTheOthers() {
        RateLimits limits = RateLimits.defaults().with(RateLimits.SIGNIN_IP, new RateLimits.Limit(5, Duration.ofMinutes(1)));

        assertThat(limits.limit(RateLimits.SIGNIN_IP).attempts()).isEqualTo(5);
        assertThat(limits.limit(RateLimits.RESET_ACCOUNT).attempts()).isEqualTo(3);
    }

    @Test
    void refusesLimitsThatCouldNeverAllowAnything() {
        assertThatThrownBy(() -> new RateLimits.Limit(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimits.Limit(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retryAfterSecondsRoundsUpForTheHttpHeader() {
        assertThat(new Decision(false, Duration.ofMillis(1), 0).retryAfterSeconds()).isEqualTo(1);
        assertThat(new Decision(false, Duration.ofSeconds(30), 0).retryAfterSeconds()).isEqualTo(30);
        assertThat(new Decision(true, Duration.ZERO, 4).retryAfterSeconds()).isZero();
    }
}
