package dev.atelier.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.atelier.testkit.TestRedis;
import io.lettuce.core.RedisException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedisTest {

    private TestRedis server;
    private Redis redis;

    @BeforeEach
    void start() {
        server = TestRedis.start();
        redis = Redis.at(server.url());
    }

    @AfterEach
    void stop() {
        redis.close();
        server.close();
    }

    @Test
    void sharesOneConnection() {
        redis.connection().sync().set("greeting", "hello");

        assertThat(redis.connection().sync().get("greeting")).isEqualTo("hello");
        assertThat(redis.connection()).isSameAs(redis.connection());
    }

    @Test
    void refusesCommandsAtOnceWhileRedisIsDownAndReconnectsByItself() {
        redis.connection().sync().set("k", "1");

        server.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> !redis.connection().isOpen());
        assertThatThrownBy(() -> redis.connection().sync().get("k")).isInstanceOf(RedisException.class);

        server.startAgain();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> "ok".equals(redis.connection().sync().set("k", "ok")) || true);
        assertThat(redis.connection().sync().get("k")).isEqualTo("ok");
    }

    @Test
    void opensItsConnectionOnFirstUseSoANodeCanStartWhileRedisIsDown() {
        server.stop();
        assertThatThrownBy(() -> redis.connection()).isInstanceOf(RedisException.class);

        server.startAgain();
        assertThat(redis.connection().sync().ping()).isEqualTo("PONG");
    }

    @Test
    void describesItselfWithoutThePassword() {
        try (Redis withPassword = Redis.at("redis://:s3cret@127.0.0.1:6390")) {
            assertThat(withPassword.describe()).isEqualTo("redis://127.0.0.1:6390").doesNotContain("s3cret");
        }
    }
}
