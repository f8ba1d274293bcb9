package dev.atelier.core.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Test {

    @Test
    void idsCarryVersion7TheRfcVariantAndTheirMillisecond() {
        Instant at = Instant.parse("2026-11-25T10:00:00.123Z");
        UUID id = new UuidV7(Clock.fixed(at, ZoneOffset.UTC), new Random(1)).next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void laterIdsSortAfterEarlierOnes() {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        UUID earlier = new UuidV7(Clock.fixed(at, ZoneOffset.UTC), new Random(1)).next();
        UUID later = new UuidV7(Clock.fixed(at.plusMillis(1), ZoneOffset.UTC), new Random(2)).next();

        // Text order is what PostgreSQL's uuid comparison and the id strings in the API both use.
        assertThat(later.toString()).isGreaterThan(earlier.toString());
    }
}
