package dev.atelier.web.api.generations;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts the progress event streams held open, per account and per client address. Each open stream keeps a server
 * thread, so without a cap one client could take the whole pool; a stream gets a {@link Slot} or is refused, and
 * gives the slot back when it ends however it ends (finished job, lifetime over, client gone).
 */
public final class EventStreams {

    /**
     * @param perUser streams one account may hold open at once
     * @param perAddress streams one client address may hold open at once (several people may share one)
     * @param maxLifetime longest a stream stays open; the browser's {@code EventSource} reconnects after it
     */
    public record Limits(int perUser, int perAddress, Duration maxLifetime) {

        public Limits {
            if (perUser < 1 || perAddress < 1 || maxLifetime.isNegative() || maxLifetime.isZero()) {
                throw new IllegalArgumentException("stream limits must be positive");
            }
        }

        /** The documented defaults: 8 per account, 32 per address, 5 minutes. */
        public static Limits defaults() {
            return new Limits(8, 32, Duration.ofMinutes(5));
        }
    }

    private final Limits limits;
    // Guarded by this: a stream takes its account's and its address's slot together or neither.
    private final Map<String, Integer> byUser = new HashMap<>();
    private final Map<String, Integer> byAddress = new HashMap<>();

    public EventStreams(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * A slot for a stream of {@code userKey} from the client address {@code remoteAddress}, or empty when either
     * already holds its cap. IPv6 clients count per /64 network: one host usually has a whole /64 to pick from.
     */
    public Optional<Slot> open(String userKey, String remoteAddress) {
        return take(userKey, network(remoteAddress));
    }

    private synchronized Optional<Slot> take(String userKey, String address) {
        if (byUser.getOrDefault(userKey, 0) >= limits.perUser()
                || byAddress.getOrDefault(address, 0) >= limits.perAddress()) {
            return Optional.empty();
        }
        byUser.merge(userKey, 1, Integer::sum);
        byAddress.merge(address, 1, Integer::sum);
        return Optional.of(new Slot(userKey, address));
    }

    static String network(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return String.valueOf(remoteAddress);
        }
        try {
            // A literal address is parsed, never looked up.
            InetAddress address = InetAddress.getByName(remoteAddress);
            byte[] bytes = address.getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address.getHostAddress();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }

    private synchronized void release(String userKey, String address) {
        // Counts that reach zero are removed, so the maps hold only clients with open streams.
        byUser.computeIfPresent(userKey, (k, n) -> n > 1 ? n - 1 : null);
        byAddress.computeIfPresent(address, (k, n) -> n > 1 ? n - 1 : null);
    }

    /** One open stream's place; closing it more than once gives it back once. */
    public final class Slot implements AutoCloseable {

        private final String userKey;
        private final String address;
        private boolean closed;

        private Slot(String userKey, String address) {
            this.userKey = userKey;
            this.address = address;
        }

        @Override
        public void close() {
            synchronized (EventStreams.this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            release(userKey, address);
        }
    }
}
