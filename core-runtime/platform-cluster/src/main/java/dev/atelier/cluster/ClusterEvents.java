package dev.atelier.cluster;

import dev.atelier.cluster.internal.ChangeLog;
import dev.atelier.cluster.internal.Envelope;
import dev.atelier.cluster.internal.EventCodec;
import dev.atelier.cluster.internal.PostgresTransport;
import dev.atelier.cluster.internal.RedisTransport;
import dev.atelier.cluster.internal.Transport;
import dev.atelier.redis.Redis;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the nodes of one cluster tell each other ({@link ClusterEvent}), over Redis pub/sub when Redis is configured,
 * else over PostgreSQL {@code LISTEN/NOTIFY}.
 *
 * <pre>{@code
 * ClusterEvents events = ClusterEvents.overPostgres(database::openUnpooled, database.dataSource(), settings);
 * events.subscribe(TenantChanged.class, e -> tenants.reload());
 * events.start();
 * events.publish(new TenantChanged(tenant.id()));   // after the change is committed
 * }</pre>
 *
 * <p>Guarantees: subscribers of a node are called one event at a time, in the order received, on one thread of this
 * class (never on the publisher's); they are not called for events this node published itself (it applied the change
 * already). A durable event is recorded in PostgreSQL before it is sent: a node that was disconnected (Redis or its
 * listening connection down) applies what it missed as soon as it listens again, and every node also reads the record
 * every {@link Settings#catchUpInterval()}, which covers a message that could not be sent at all. A subscriber may
 * therefore see an event more than once and must apply it idempotently.
 */
public final class ClusterEvents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterEvents.class);
    /** Changes recorded this recently are read again at each catch-up (see {@link ChangeLog#since}). */
    private static final Duration RECENT = Duration.ofSeconds(10);
    private static final int REMEMBERED = 10_000;
    private static final int SEND_QUEUE = 10_000;
    /** The most messages handed to the transport at once. */
    private static final int SEND_BATCH = 100;

    /**
     * @param catchUpInterval how often the change record is read even when no reconnect happened
     * @param retention how long recorded changes are kept
     */
    public record Settings(Duration catchUpInterval, Duration retention) {

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(30), Duration.ofDays(7));
        }
    }

    private record Subscription<E extends ClusterEvent>(Class<E> type, Consumer<? super E> consumer) {

        void offer(ClusterEvent event) {
            if (type.isInstance(event)) {
                consumer.accept(type.cast(event));
            }
        }
    }

    private final String nodeId = "n-" + UUID.randomUUID().toString().substring(0, 8);
    private final Transport transport;
    private final ChangeLog log;
    private final EventCodec codec;
    private final Settings settings;
    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService applier = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "atelier-cluster-events"));
    /**
     * The messages waiting to leave, in the order they were published. Bounded: while Redis or the database is slow,
     * messages beyond it are dropped (durable ones are caught up from the record) rather than piling up.
     */
    private final BlockingQueue<String> outgoing = new ArrayBlockingQueue<>(SEND_QUEUE);
    /**
     * One thread, so messages leave in the order they were published; it hands the transport all that waits (up to
     * {@link #SEND_BATCH}) at once, which under load is one round trip for many messages instead of one each.
     */
    private final ExecutorService sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(SEND_QUEUE), r -> daemon(r, "atelier-cluster-send"),
            (task, executor) -> { }); // a drain is queued already: it takes this message too
    /** Numbers of the durable changes applied lately, so one heard twice (message and catch-up) is applied once. */
    private final Map<Long, Boolean> applied = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    private long lastSeen;
    private boolean sendFailing;
    private volatile boolean started;

    private ClusterEvents(Transport transport, ChangeLog log, EventCodec codec, Settings settings) {
        this.transport = transport;
        this.log = log;
        this.codec = codec;
        this.settings = settings;
    }

    /** Events over Redis pub/sub, recorded in {@code database}. */
    public static ClusterEvents overRedis(Redis redis, DataSource database, Settings settings) throws SQLException {
        EventCodec codec = new EventCodec();
        ChangeLog log = new ChangeLog(database, codec);
        return new ClusterEvents(new RedisTransport(redis, "atelier:cluster:" + log.clusterId()), log, codec,
                settings);
    }

    /**
     * Events over PostgreSQL {@code LISTEN/NOTIFY}, recorded in {@code database}.
     *
     * @param listening opens the one connection this node listens on, outside the pool
     */
    public static ClusterEvents overPostgres(ConnectionFactory listening, DataSource database, Settings settings) {
        EventCodec codec = new EventCodec();
        return new ClusterEvents(new PostgresTransport(listening, database, "atelier_cluster"),
                new ChangeLog(database, codec), codec, settings);
    }

    /**
     * Calls {@code consumer} with every event of {@code type} another node publishes. Subscribe before
     * {@link #start()} so nothing is missed.
     */
    public <E extends ClusterEvent> void subscribe(Class<E> type, Consumer<? super E> consumer) {
        subscriptions.add(new Subscription<>(type, consumer));
    }

    /**
     * Starts listening: changes recorded from now on reach this node's subscribers.
     *
     * @throws SQLException if the change record cannot be read
     */
    public synchronized void start() throws SQLException {
        lastSeen = log.latest();
        started = true;
        transport.start(new Transport.Inbox() {
            @Override
            public void received(String message) {
                codec.readEnvelope(message).ifPresent(envelope -> applyLater(() -> accept(envelope)));
            }

            @Override
            public void connected() {
                applyLater(ClusterEvents.this::catchUp);
            }
        });
        long every = settings.catchUpInterval().toMillis();
        applier.scheduleWithFixedDelay(this::catchUpAndPrune, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Cluster events over {} (node {})", transport.describe(), nodeId);
    }

    /**
     * Tells every other node. A durable event is recorded before this returns (so call it after the change is
     * committed); sending happens in the background. Never throws: the change this announces has happened already,
     * and a node that misses the message catches up from the record.
     */
    public void publish(ClusterEvent event) {
        long seq = 0;
        if (event.durable()) {
            try {
                seq = log.append(nodeId, event);
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Cluster event {} not recorded ({}); nodes that miss the message will not catch it up",
                        event, e.toString());
            }
        }
        String message = codec.envelope(new Envelope(seq, nodeId, event));
        if (sender.isShutdown()) {
            return;
        }
        if (!outgoing.offer(message)) {
            LOG.debug("Cluster event {} dropped: the send queue is full", event);
            return;
        }
        sender.execute(this::send);
    }

    /**
     * Runs on the one sender thread: sends what waits, if an earlier run has not taken it already. An outage is logged
     * once, not per event: progress is sent twice a second.
     */
    private void send() {
        List<String> messages = new ArrayList<>();
        outgoing.drainTo(messages, SEND_BATCH);
        if (messages.isEmpty()) {
            return;
        }
        try {
            transport.send(messages);
            if (sendFailing) {
                sendFailing = false;
                LOG.info("Cluster events: sending works again over {}", transport.describe());
            }
        } catch (RuntimeException e) {
            if (!sendFailing) {
                sendFailing = true;
                LOG.warn("Cluster events: sending over {} fails ({}); the other nodes catch up recorded changes when"
                        + " it works again", transport.describe(), e.toString());
            }
            LOG.debug("{} cluster events not sent: {}", messages.size(), e.toString());
        }
    }

    /** This node's id in published events. */
    public String nodeId() {
        return nodeId;
    }

    /** Whether events other nodes send now reach this node (false while Redis or the listening connection is down). */
    public boolean listening() {
        return transport.listening();
    }

    /** How events travel, for the start-up banner: {@code "PostgreSQL LISTEN/NOTIFY"}. */
    public String describe() {
        return transport.describe();
    }

    private void applyLater(Runnable task) {
        if (!applier.isShutdown()) {
            try {
                applier.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("Cluster event arrived while stopping");
            }
        }
    }

    private void accept(Envelope envelope) {
        if (envelope.seq() > 0) {
            if (applied.put(envelope.seq(), Boolean.TRUE) != null) {
                return;
            }
            lastSeen = Math.max(lastSeen, envelope.seq());
        }
        if (nodeId.equals(envelope.origin())) {
            return;
        }
        for (Subscription<?> subscription : subscriptions) {
            try {
                subscription.offer(envelope.event());
            } catch (RuntimeException e) {
                LOG.warn("Applying cluster event {} failed: {}", envelope.event(), e.toString(), e);
            }
        }
    }

    private void catchUp() {
        try {
            long pruned = log.prunedThrough();
            if (lastSeen < pruned) {
                resync();
                lastSeen = pruned;
            }
            List<Envelope> missed = log.since(lastSeen, RECENT);
            missed.forEach(this::accept);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Cluster events: catching up failed ({}); trying again later", e.toString());
        }
    }

    /**
     * Changes this node never saw were pruned (it was cut off longer than the retention): it applies "everything
     * changed" for what can be reloaded whole, tenants and pages.
     */
    private void resync() {
        LOG.warn("Cluster events: changes this node missed were pruned (cut off longer than the retention);"
                + " reloading every tenant");
        for (ClusterEvent everything : List.of(new TenantChanged(null), new PagesInvalidated(null))) {
            accept(new Envelope(0, "resync", everything));
        }
    }

    private void catchUpAndPrune() {
        catchUp();
        try {
            log.prune(settings.retention());
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Pruning cluster changes failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transport.close();
        applier.shutdownNow();
        if (started) {
            LOG.info("Cluster events stopped (node {})", nodeId);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
