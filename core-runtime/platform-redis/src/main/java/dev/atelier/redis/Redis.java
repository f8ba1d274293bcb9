package dev.atelier.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.Objects;

/**
 * The Redis server every node shares, through one Lettuce client.
 *
 * <p>Why these client options: Redis backs decisions taken on a request's path (is this sign-in allowed?), so a Redis
 * that is down must answer at once rather than queue commands until it returns. Commands sent while disconnected are
 * rejected immediately, every command times out after {@link #COMMAND_TIMEOUT}, and the client reconnects by itself in
 * the background; callers decide whether a failure lets the request through (fail open) or refuses it (fail closed).
 *
 * <p>{@link #connection()} is one connection shared by all callers (Lettuce connections are thread-safe and pipeline
 * concurrent commands); it is opened on first use, so a node can start while Redis is down and use it once it is up.
 */
public final class Redis implements AutoCloseable {

    /** How long one command may take before it fails. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);

    private final RedisURI uri;
    private final RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    private Redis(RedisURI uri) {
        this.uri = uri;
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
    }

    /**
     * A client for the server at {@code url}; connects nothing yet.
     *
     * @param url {@code redis://host:port} (or {@code rediss://} for TLS, a password as {@code redis://:secret@host})
     * @throws IllegalArgumentException if {@code url} is not a Redis URI
     */
    public static Redis at(String url) {
        Objects.requireNonNull(url, "url");
        return new Redis(RedisURI.create(url));
    }

    /**
     * The shared connection, opened on first use.
     *
     * @throws io.lettuce.core.RedisConnectionException if it is not open yet and Redis cannot be reached now
     */
    public synchronized StatefulRedisConnection<String, String> connection() {
        if (connection == null) {
            connection = client.connect();
        }
        return connection;
    }

    /**
     * A new publish/subscribe connection (a subscribing connection can do nothing else); the caller closes it. It
     * reconnects by itself and subscribes again to its channels after a reconnect.
     */
    public StatefulRedisPubSubConnection<String, String> newPubSubConnection() {
        return client.connectPubSub();
    }

    /** The underlying client, for integrations that take a Lettuce client (such as bucket4j's). */
    public RedisClient client() {
        return client;
    }

    /** Where this client connects, without any password, for logs and the operator console. */
    public String describe() {
        return (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort();
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
