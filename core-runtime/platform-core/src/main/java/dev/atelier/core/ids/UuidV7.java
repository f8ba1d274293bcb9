package dev.atelier.core.ids;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;

/**
 * Generates UUIDv7 ids (RFC 9562): 48 bits of Unix epoch milliseconds followed by random bits, so ids sort by creation
 * time, index well, and reveal nothing but that time.
 */
public final class UuidV7 {

    private final Clock clock;
    private final Random random;

    public UuidV7() {
        this(Clock.systemUTC(), new SecureRandom());
    }

    public UuidV7(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    public UUID next() {
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
