package dev.atelier.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.atelier.core.ratelimit.Decision;
import dev.atelier.core.ratelimit.RateLimiterStatus;
import dev.atelier.core.ratelimit.RateLimiterUnavailableException;
import dev.atelier.core.ratelimit.RateLimits;
import dev.atelier.testkit.ManualClock;
import dev.atelier.testkit.TestRedis;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What only the Redis limiter promises: one count across nodes, and a chosen answer while Redis is down. */
class RedisRateLimiterTest {

    private final ManualClock clock = new ManualClock();
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

    private RedisRateLimiter limiter(Redis redis) {
        return new RedisRateLimiter(redis, RateLimits.defaults(), RateLimits.defaults(), clock);
    }

    @Test
    void twoNodesShareOneCount() {
        RedisRateLimiter a = limiter(nodeA);
        RedisRateLimiter b = limiter(nodeB);

        for (int i = 0; i < 5; i++) {
            assertThat(a.tryAcquire("t1", RateLimits.SIGNUP_IP, "203.0.113.7").allowed()).isTrue();
            assertThat(b.tryAcquire("t1", RateLimits.SIGNUP_IP, "203.0.113.7").allowed()).isTrue();
        }

        assertThat(a.tryAcquire("t1", RateLimits.SIGNUP_IP, "203.0.113.7").allowed()).isFalse();
        assertThat(b.tryAcquire("t1", RateLimits.SIGNUP_IP, "203.0.113.7").allowed()).isFalse();
    }

    @Test
    void storesKeysPrefixedScopedAndWithoutTheCallersKey() {
        limiter(nodeA).tryAcquire("tnt_1", RateLimits.SIGNIN_ACCOUNT, "someone@example.com");

        List<String> keys = nodeA.connection().sync().keys("*");

        assertThat(keys).singleElement().asString()
                .startsWith(RedisRateLimiter.KEY_PREFIX + RateLimits.SIGNIN_ACCOUNT + ":tnt_1:50/15m:")
                .doesNotContain("someone").doesNotContain("example.com");
        assertThat(nodeA.connection().sync().pttl(keys.get(0))).isPositive();
    }

    @Test
    void whileRedisIsDownFailOpenKindsAreLetThroughAndFailClosedKindsRefused() {
        RedisRateLimiter limiter = limiter(nodeA);
        assertThat(limiter.tryAcquire("t1", RateLimits.GENERATION_SUBMIT, "acc-1").allowed()).isTrue();

        server.stop();

        for (int i = 0; i < 50; i++) {
            assertThat(limiter.tryAcquire("t1", RateLimits.GENERATION_SUBMIT, "acc-1").allowed()).isTrue();
        }
        assertThatThrownBy(() -> limiter.tryAcquire("t1", RateLimits.SIGNIN_IP, "203.0.113.7"))
                .isInstanceOf(RateLimiterUnavailableException.class)
                .extracting(e -> ((RateLimiterUnavailableException) e).bucketKind()).isEqualTo(RateLimits.SIGNIN_IP);
        RateLimiterStatus status = limiter.status();
        assertThat(status.reachable()).isFalse();
        // One outage however many decisions met it: logged once, counted once.
        assertThat(status.outages()).isEqualTo(1);
        assertThat(status.failedOpen()).isEqualTo(50);
        assertThat(status.failedClosed()).isEqualTo(1);
        assertThat(status.backend()).isEqualTo(nodeA.describe());
    }

    @Test
    void countingResumesWhenRedisIsBackWithoutARestart() {
        RedisRateLimiter limiter = limiter(nodeA);
        limiter.tryAcquire("t1", RateLimits.CHECKOUT, "acc-1");
        server.stop();
        assertThat(limiter.tryAcquire("t1", RateLimits.CHECKOUT, "acc-1").allowed()).isTrue();

        server.startAgain();

        // The server came back empty: the bucket starts afresh, and counts again.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> limiter.tryAcquire("t1", RateLimits.SIGNIN_IP, "probe") != null);
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire("t1", RateLimits.CHECKOUT, "acc-1");
        }
        Decision refused = limiter.tryAcquire("t1", RateLimits.CHECKOUT, "acc-1");
        assertThat(refused.allowed()).isFalse();
        assertThat(limiter.status().reachable()).isTrue();
        assertThat(limiter.status().outages()).isEqualTo(1);
    }

    @Test
    void anOutageIsLoggedOnceWhenItStartsAndOnceWhenItEndsWithoutAnyKey() {
        Logger logger = (Logger) LoggerFactory.getLogger(RedisOutages.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            RedisRateLimiter limiter = limiter(nodeA);
            limiter.tryAcquire("t1", RateLimits.UPLOAD, "someone@example.com");
            server.stop();
            for (int i = 0; i < 20; i++) {
                limiter.tryAcquire("t1", RateLimits.UPLOAD, "someone@example.com");
            }
            server.startAgain();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        limiter.tryAcquire("t1", RateLimits.UPLOAD, "someone@example.com");
                        return limiter.status().reachable();
                    });

            assertThat(log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
            assertThat(log.list.get(0).getFormattedMessage()).contains("cannot reach Redis").contains("upload");
            // At least the 20 sent while it was down; the client may refuse a few more while it reconnects.
            assertThat(log.list.get(1).getFormattedMessage()).contains("again").containsPattern(
                    "([2-9]\\d|\\d{3,}) attempts were let through uncounted and 0 refused");
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(line -> line.contains("someone"));
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void aNodeStartedWhileRedisIsDownCountsOnceItIsUp() {
        server.stop();
        RedisRateLimiter limiter = limiter(nodeA);
        assertThat(limiter.tryAcquire("t1", RateLimits.UPLOAD, "acc-1").allowed()).isTrue();
        assertThatThrownBy(() -> limiter.tryAcquire("t1", RateLimits.SIGNUP_IP, "203.0.113.7"))
                .isInstanceOf(RateLimiterUnavailableException.class);

        server.startAgain();

        assertThat(limiter.tryAcquire("t1", RateLimits.UPLOAD, "acc-1").remaining()).isEqualTo(19);
        assertThat(limiter.status().reachable()).isTrue();
    }
}
