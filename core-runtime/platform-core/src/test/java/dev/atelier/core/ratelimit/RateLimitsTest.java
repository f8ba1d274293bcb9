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
    void defaultsCoverGenerationsUploadsAndCheckout() {
        RateLimits limits = RateLimits.defaults();

        assertThat(limits.limit(RateLimits.GENERATION_SUBMIT)).isEqualTo(RateLimits.Limit.parse("300/10m"));
        assertThat(limits.limit(RateLimits.UPLOAD)).isEqualTo(RateLimits.Limit.parse("20/1m"));
        assertThat(limits.limit(RateLimits.CHECKOUT)).isEqualTo(RateLimits.Limit.parse("10/10m"));
    }

    @Test
    void accountKindsFailClosedAndTheRestFailOpenByDefault() {
        RateLimits limits = RateLimits.defaults();

        assertThat(limits.failsClosed(RateLimits.SIGNIN_IP)).isTrue();
        assertThat(limits.failsClosed(RateLimits.SIGNIN_ACCOUNT)).isTrue();
        assertThat(limits.failsClosed(RateLimits.SIGNUP_IP)).isTrue();
        assertThat(limits.failsClosed(RateLimits.RESET_ACCOUNT)).isTrue();
        assertThat(limits.failsClosed(RateLimits.GENERATION_SUBMIT)).isFalse();
        assertThat(limits.failsClosed(RateLimits.UPLOAD)).isFalse();
        assertThat(limits.failsClosed(RateLimits.CHECKOUT)).isFalse();
    }

    @Test
    void failModesAreConfiguredByKind() {
        RateLimits limits = RateLimits.defaults().withFailClosed("checkout, signin-ip");

        assertThat(limits.failsClosed(RateLimits.CHECKOUT)).isTrue();
        assertThat(limits.failsClosed(RateLimits.SIGNIN_IP)).isTrue();
        assertThat(limits.failsClosed(RateLimits.SIGNUP_IP)).isFalse();
        assertThat(RateLimits.defaults().withFailClosed("").failClosed()).isEmpty();
        assertThatThrownBy(() -> RateLimits.defaults().withFailClosed("signin-everything"))
                .hasMessageContaining("signin-everything");
    }

    @Test
    void readsLimitsWrittenAttemptsPerPeriod() {
        assertThat(RateLimits.Limit.parse("20/10m")).isEqualTo(new RateLimits.Limit(20, Duration.ofMinutes(10)));
        assertThat(RateLimits.Limit.parse(" 3 / 1h ")).isEqualTo(new RateLimits.Limit(3, Duration.ofHours(1)));
        assertThat(RateLimits.Limit.parse("100/1d").text()).isEqualTo("100/1d");
        assertThat(new RateLimits.Limit(5, Duration.ofSeconds(90)).text()).isEqualTo("5/90s");
        assertThatThrownBy(() -> RateLimits.Limit.parse("20 per minute")).hasMessageContaining("attempts/period");
        assertThatThrownBy(() -> RateLimits.Limit.parse("0/1m")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> RateLimits.Limit.parse("5/0s")).hasMessageContaining("at least 1");
    }

    @Test
    void overridesReplaceTheKindsTheyName() {
        RateLimits limits = RateLimits.defaults().withOverrides("signin-ip=30/10m, checkout=5/1h");

        assertThat(limits.limit(RateLimits.SIGNIN_IP)).isEqualTo(RateLimits.Limit.parse("30/10m"));
        assertThat(limits.limit(RateLimits.CHECKOUT)).isEqualTo(RateLimits.Limit.parse("5/1h"));
        assertThat(limits.limit(RateLimits.SIGNUP_IP)).isEqualTo(RateLimits.defaults().limit(RateLimits.SIGNUP_IP));
        assertThat(limits.failsClosed(RateLimits.SIGNIN_IP)).isTrue();
        assertThatThrownBy(() -> RateLimits.defaults().withOverrides("sign-in=3/1m"))
                .hasMessageContaining("sign-in").hasMessageContaining(RateLimits.SIGNIN_IP);
        assertThatThrownBy(() -> RateLimits.defaults().withOverrides("signin-ip"))
                .hasMessageContaining("kind=attempts/period");
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
