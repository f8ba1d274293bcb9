package dev.atelier.web.bots;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.atelier.core.ratelimit.InProcessFailureCounter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When sign-in starts asking for a bot challenge: after three failures in a row of an account or an address. */
class FailedSignInsTest {

    private final MovableTicker ticker = new MovableTicker();
    private final FailedSignIns failures =
            new FailedSignIns(new InProcessFailureCounter(FailedSignIns.WINDOW, ticker));

    @Test
    void threeFailuresOfOneAccountFromAnywhereMakeTheChallengeDueForIt() {
        failures.failed("tnt_1", "198.51.100.1", "ada@example.com");
        failures.failed("tnt_1", "198.51.100.2", "Ada@Example.com");
        assertThat(failures.challengeDue("tnt_1", "198.51.100.9", "ada@example.com")).isFalse();

        failures.failed("tnt_1", "198.51.100.3", "ada@example.com ");

        assertThat(failures.challengeDue("tnt_1", "198.51.100.9", "ada@example.com")).isTrue();
        assertThat(failures.challengeDue("tnt_1", "198.51.100.9", "grace@example.com")).isFalse();
        assertThat(failures.challengeDue("tnt_2", "198.51.100.9", "ada@example.com")).as("another tenant").isFalse();
    }

    @Test
    void threeFailuresFromOneAddressMakeTheChallengeDueForEveryAccountTriedFromIt() {
        for (String email : new String[] {"a@example.com", "b@example.com", "c@example.com"}) {
            failures.failed("tnt_1", "203.0.113.5", email);
        }

        assertThat(failures.challengeDue("tnt_1", "203.0.113.5", "d@example.com")).isTrue();
        assertThat(failures.challengeDue("tnt_1", "203.0.113.6", "d@example.com")).isFalse();
    }

    @Test
    void aSuccessfulSignInOrAQuietQuarterOfAnHourStartsTheCountAgain() {
        for (int i = 0; i < 3; i++) {
            failures.failed("tnt_1", "198.51.100.1", "ada@example.com");
        }
        failures.succeeded("tnt_1", "ada@example.com");
        assertThat(failures.challengeDue("tnt_1", "198.51.100.7", "ada@example.com")).isFalse();

        for (int i = 0; i < 3; i++) {
            failures.failed("tnt_1", "198.51.100.7", "grace@example.com");
        }
        ticker.advance(FailedSignIns.WINDOW.plusSeconds(1));

        assertThat(failures.challengeDue("tnt_1", "198.51.100.7", "grace@example.com")).isFalse();
    }

    private static final class MovableTicker implements Ticker {
        private long nanos;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long read() {
            return nanos;
        }
    }
}
