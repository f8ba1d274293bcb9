package dev.atelier.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.core.db.Database;
import dev.atelier.core.db.DatabaseSettings;
import dev.atelier.redis.Redis;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgres;
import dev.atelier.testkit.TestRedis;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes on one database, talking over PostgreSQL and over Redis. */
class ClusterEventsTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    private TestDatabase testDatabase;
    private Database database;
    private TestRedis redisServer;
    private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();
    private final AtomicBoolean listeningRefused = new AtomicBoolean();
    private final AtomicInteger listeningOpened = new AtomicInteger();

    @BeforeEach
    void start() {
        testDatabase = TestPostgres.create();
        database = Database.start(DatabaseSettings.external(testDatabase.url(), testDatabase.user(),
                testDatabase.password(), 4));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        database.close();
        testDatabase.close();
        if (redisServer != null) {
            redisServer.close();
        }
    }

    @Test
    void nodesHearEachOthersEventsOverPostgres() throws Exception {
        passesEventsBetweenNodes(postgresNode(), postgresNode());
    }

    @Test
    void nodesHearEachOthersEventsOverRedis() throws Exception {
        redisServer = TestRedis.start();
        passesEventsBetweenNodes(redisNode(), redisNode());
    }

    private void passesEventsBetweenNodes(Node one, Node two) {
        await().atMost(SOON).until(() -> one.events.listening() && two.events.listening());
        one.events.publish(new TenantChanged("tnt_a"));
        one.events.publish(new JobChanged("job_1"));
        one.events.publish(new JobsQueued());
        one.events.publish(new CallbackReceived("job_2"));
        one.events.publish(new BundleChanged("dev.atelier.model.procedural", "1.2.0",
                BundleChanged.Action.ROLLED_BACK));

        await().atMost(SOON).untilAsserted(() -> assertThat(two.heard).containsExactly(new TenantChanged("tnt_a"),
                new JobChanged("job_1"), new JobsQueued(), new CallbackReceived("job_2"),
                new BundleChanged("dev.atelier.model.procedural", "1.2.0", BundleChanged.Action.ROLLED_BACK)));
        // A burst leaves in batches, one round trip each, and arrives whole and in order.
        List<ClusterEvent> burst = IntStream.range(0, 250).<ClusterEvent>mapToObj(i -> new JobChanged("job_b" + i))
                .toList();
        burst.forEach(one.events::publish);
        await().atMost(SOON).untilAsserted(() -> {
            List<ClusterEvent> heard = List.copyOf(two.heard);
            assertThat(heard.subList(5, heard.size())).containsExactlyElementsOf(burst);
        });
        // The publisher applied its own change already; a marker published afterwards shows nothing else came.
        two.events.publish(new PagesInvalidated("marker"));
        await().atMost(SOON).until(() -> one.heard.contains(new PagesInvalidated("marker")));
        assertThat(one.heard).containsExactly(new PagesInvalidated("marker"));
    }

    @Test
    void aNodeWhoseListeningConnectionDroppedCatchesUpWhatItMissed() throws Exception {
        Node one = postgresNode();
        Node two = postgresNode();
        two.events.publish(new TenantChanged("warm-up"));
        await().atMost(SOON).until(() -> one.heard.contains(new TenantChanged("warm-up")));

        listeningRefused.set(true);
        int opened = listeningOpened.get();
        terminateListeningConnections();
        // Node one tried to listen again and was refused: a message sent now cannot reach it.
        await().atMost(SOON).until(() -> listeningOpened.get() > opened);
        two.events.publish(new SessionsRevoked("tnt_a", "acc_1", null));
        two.events.publish(new AccountChanged("tnt_a", "acc_2"));
        two.events.publish(new JobChanged("job_missed"));
        listeningRefused.set(false);

        await().atMost(SOON).until(() -> one.heard.contains(new SessionsRevoked("tnt_a", "acc_1", null))
                && one.heard.contains(new AccountChanged("tnt_a", "acc_2")));
        // Transient events are not recorded: the job's followers read it themselves.
        assertThat(one.heard).doesNotContain(new JobChanged("job_missed"));
    }

    @Test
    void aNodeCutOffLongerThanTheRetentionReloadsEverything() throws Exception {
        Node one = postgresNode();
        Node two = postgresNode();
        two.events.publish(new TenantChanged("warm-up"));
        await().atMost(SOON).until(() -> one.heard.contains(new TenantChanged("warm-up")));

        listeningRefused.set(true);
        int opened = listeningOpened.get();
        terminateListeningConnections();
        await().atMost(SOON).until(() -> listeningOpened.get() > opened);
        two.events.publish(new TenantChanged("tnt_pruned_before_one_saw_it"));
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("WITH gone AS (DELETE FROM cluster_change RETURNING seq)"
                    + " UPDATE cluster_identity SET pruned_through = (SELECT max(seq) FROM gone)");
        }
        listeningRefused.set(false);

        await().atMost(SOON).until(() -> one.heard.contains(new TenantChanged(null))
                && one.heard.contains(new PagesInvalidated(null)));
        assertThat(one.heard).doesNotContain(new TenantChanged("tnt_pruned_before_one_saw_it"));
    }

    @Test
    void aNodeCatchesUpWhatItMissedWhileRedisWasDown() throws Exception {
        redisServer = TestRedis.start();
        Node one = redisNode();
        Node two = redisNode();
        two.events.publish(new TenantChanged("warm-up"));
        await().atMost(SOON).until(() -> one.heard.contains(new TenantChanged("warm-up")));

        redisServer.stop();
        two.events.publish(new TenantChanged("tnt_changed_while_down"));
        two.events.publish(new ApiTokensRevoked("tnt_a", "acc_1", "tok_1"));
        redisServer.startAgain();

        await().atMost(Duration.ofSeconds(40)).until(() -> one.heard.contains(
                new ApiTokensRevoked("tnt_a", "acc_1", "tok_1")));
        assertThat(one.heard).contains(new TenantChanged("tnt_changed_while_down"));
        // And messages flow again.
        two.events.publish(new PagesInvalidated("after"));
        await().atMost(SOON).until(() -> one.heard.contains(new PagesInvalidated("after")));
    }

    @Test
    void aNodeStartedWhileRedisIsDownListensOnceItIsUp() throws Exception {
        redisServer = TestRedis.start();
        redisServer.stop();
        Node one = redisNode();
        Node two = redisNode();
        two.events.publish(new TenantChanged("published-while-down"));
        redisServer.startAgain();

        await().atMost(Duration.ofSeconds(40)).until(() -> one.heard.contains(
                new TenantChanged("published-while-down")));
    }

    private record Node(ClusterEvents events, List<ClusterEvent> heard) {}

    private Node postgresNode() throws SQLException {
        return started(ClusterEvents.overPostgres(this::openListening, database.dataSource(), settings()));
    }

    private Node redisNode() throws SQLException {
        Redis redis = Redis.at(redisServer.url());
        closing.add(redis);
        return started(ClusterEvents.overRedis(redis, database.dataSource(), settings()));
    }

    private Node started(ClusterEvents events) throws SQLException {
        List<ClusterEvent> heard = new CopyOnWriteArrayList<>();
        events.subscribe(ClusterEvent.class, heard::add);
        events.start();
        closing.add(0, events);
        return new Node(events, heard);
    }

    private static ClusterEvents.Settings settings() {
        // No periodic catch-up within a test: what is caught up, is caught up because of a reconnect.
        return new ClusterEvents.Settings(Duration.ofHours(1), Duration.ofDays(1));
    }

    private Connection openListening() throws SQLException {
        listeningOpened.incrementAndGet();
        if (listeningRefused.get()) {
            throw new SQLException("refused by the test");
        }
        Properties properties = new Properties();
        properties.setProperty("user", testDatabase.user());
        properties.setProperty("password", testDatabase.password());
        return DriverManager.getConnection(testDatabase.url(), properties);
    }

    private void terminateListeningConnections() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = 'atelier-cluster-listen'");
        }
    }
}
