package dev.atelier.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.testkit.TestRedis;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failure runs in a real Redis, seen alike by two nodes. */
class RedisFailureCounterTest {

    private TestRedis server;
    private Redis nodeA;
    private Redis nodeB;

    @BeforeEach
    void start() {
        server = TestRedis.start();
        nodeA = Redis.at(server.url());
        nodeB = Redis.at(server.url());
    }

    @AfterEach
    void stop() {
        nodeA.close();
        nodeB.close();
        server.close();
    }

    @Test
    void failuresOnTwoNodesAddUpAndASuccessOnEitherClearsThem() {
        RedisFailureCounter a = new RedisFailureCounter(nodeA, Duration.ofMinutes(15));
        RedisFailureCounter b = new RedisFailureCounter(nodeB, Duration.ofMinutes(15));

        a.failed("t1:account:ada@example.com");
        assertThat(b.failed("t1:account:ada@example.com")).isEqualTo(2);
        assertThat(a.count("t1:account:ada@example.com")).isEqualTo(2);
        assertThat(a.count("t2:account:ada@example.com")).isZero();
        assertThat(nodeA.connection().sync().keys("*")).as("keys hold digests, never the address or email")
                .allSatisfy(key -> assertThat(key).startsWith("atelier:fail:").doesNotContain("ada"));

        b.clear("t1:account:ada@example.com");
        assertThat(a.count("t1:account:ada@example.com")).isZero();
    }

    @Test
    void aRunExpiresAWindowAfterItsLastFailure() {
        RedisFailureCounter counter = new RedisFailureCounter(nodeA, Duration.ofMillis(300));
        counter.failed("k");

        await().atMost(Duration.ofSeconds(5)).until(() -> counter.count("k") == 0);
    }

    @Test
    void whileRedisIsDownEveryKeyCountsAsFailedOftenAndCountingResumesWhenItIsBack() {
        RedisFailureCounter counter = new RedisFailureCounter(nodeA, Duration.ofMinutes(15));
        counter.failed("k");

        server.stop();
        assertThat(counter.failed("k")).isEqualTo(Long.MAX_VALUE);
        assertThat(counter.count("other")).as("the safe side: ask for a challenge").isEqualTo(Long.MAX_VALUE);
        counter.clear("k");

        server.startAgain();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> counter.count("k") == 0);
        assertThat(counter.failed("k")).isEqualTo(1);
    }
}
