package dev.atelier.web.api.generations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The counting behind the event stream caps; the end-to-end behaviour is in the launcher's EventStreamLimitsTest. */
class EventStreamsTest {

    private final EventStreams streams = new EventStreams(new EventStreams.Limits(2, 3, Duration.ofMinutes(1)));

    @Test
    void aSlotGivenBackTwiceCountsOnce() {
        EventStreams.Slot first = streams.open("t:alice", "198.51.100.7").orElseThrow();
        streams.open("t:alice", "198.51.100.7").orElseThrow();

        first.close();
        first.close();

        assertThat(streams.open("t:alice", "198.51.100.7")).isPresent();
        assertThat(streams.open("t:alice", "198.51.100.7")).isEmpty();
    }

    @Test
    void aRefusedStreamTakesNeitherItsAccountsNorItsAddresssSlot() {
        streams.open("t:alice", "198.51.100.7").orElseThrow();
        streams.open("t:alice", "198.51.100.7").orElseThrow();

        Optional<EventStreams.Slot> refused = streams.open("t:alice", "198.51.100.7");

        assertThat(refused).isEmpty();
        assertThat(streams.open("t:bob", "198.51.100.7")).as("the address still has one slot").isPresent();
        assertThat(streams.open("t:carol", "198.51.100.7")).isEmpty();
    }

    @Test
    void ipv6ClientsCountPerSlash64() {
        streams.open("t:a", "2001:db8:1:2::1").orElseThrow();
        streams.open("t:b", "2001:db8:1:2:ffff::9").orElseThrow();
        streams.open("t:c", "2001:db8:1:2:abcd:1:2:3").orElseThrow();

        assertThat(streams.open("t:d", "2001:db8:1:2::77")).as("same /64").isEmpty();
        assertThat(streams.open("t:d", "2001:db8:1:3::1")).as("another /64").isPresent();
    }
}
