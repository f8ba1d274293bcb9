package dev.atelier.cluster.internal;

import dev.atelier.redis.Redis;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis pub/sub on one channel per cluster. Once connected, Lettuce reconnects and subscribes again by itself; each
 * subscription confirmation (the first and every one after a reconnect) tells the inbox it is connected, so missed
 * changes are caught up. A node that starts while Redis is down keeps trying in the background.
 */
public final class RedisTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(RedisTransport.class);
    private static final long RETRY_SECONDS = 1;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

    private final Redis redis;
    private final String channel;
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "atelier-cluster-redis");
        t.setDaemon(true);
        return t;
    });
    private volatile StatefulRedisPubSubConnection<String, String> subscription;
    private volatile boolean closed;

    public RedisTransport(Redis redis, String channel) {
        this.redis = redis;
        this.channel = channel;
    }

    @Override
    public void start(Inbox inbox) {
        connector.execute(() -> subscribe(inbox));
    }

    private void subscribe(Inbox inbox) {
        if (closed) {
            return;
        }
        StatefulRedisPubSubConnection<String, String> connection = null;
        try {
            connection = redis.newPubSubConnection();
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, String message) {
                    inbox.received(message);
                }

                @Override
                public void subscribed(String to, long count) {
                    LOG.info("Cluster events: subscribed to Redis {}", redis.describe());
                    inbox.connected();
                }
            });
            connection.sync().subscribe(channel);
            subscription = connection;
        } catch (RuntimeException e) {
            if (connection != null) {
                connection.closeAsync();
            }
            LOG.warn("Cluster events: Redis {} unreachable ({}); trying again", redis.describe(), e.toString());
            connector.schedule(() -> subscribe(inbox), RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public void send(List<String> messages) {
        if (messages.size() == 1) {
            redis.connection().sync().publish(channel, messages.get(0));
            return;
        }
        // Sent one after the other on the one connection without waiting between them (Lettuce pipelines them).
        RedisAsyncCommands<String, String> commands = redis.connection().async();
        List<RedisFuture<Long>> sent = messages.stream().map(message -> commands.publish(channel, message)).toList();
        if (!LettuceFutures.awaitAll(SEND_TIMEOUT, sent.toArray(RedisFuture[]::new))) {
            throw new IllegalStateException("Redis did not take " + messages.size() + " messages within "
                    + SEND_TIMEOUT);
        }
    }

    @Override
    public boolean listening() {
        StatefulRedisPubSubConnection<String, String> connection = subscription;
        return connection != null && connection.isOpen();
    }

    @Override
    public String describe() {
        return "Redis pub/sub (" + redis.describe() + ")";
    }

    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        StatefulRedisPubSubConnection<String, String> connection = subscription;
        if (connection != null) {
            connection.close();
        }
    }
}
