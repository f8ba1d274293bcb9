package dev.atelier.bench;

import dev.atelier.core.ratelimit.Decision;
import dev.atelier.core.ratelimit.RateLimits;
import dev.atelier.redis.Redis;
import dev.atelier.redis.RedisRateLimiter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rate-limit decisions per second through Redis, as a node's request threads make them: {@code threads} callers each
 * asking the {@link RedisRateLimiter} whether one more sign-in from some address is allowed, over {@code keys}
 * addresses, for {@code seconds}, after as long again untimed (the JIT compiles the path meanwhile). The limit is set
 * high enough that every decision is an allowed one, so each is a full bucket update (read and compare-and-swap).
 * Usage: {@code RateLimitLoad <redis url> <seconds> <threads> <keys>}.
 */
public final class RateLimitLoad {

    private RateLimitLoad() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int seconds = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int keys = Integer.parseInt(args[3]);
        RateLimits limits = RateLimits.defaults().withOverrides("signin-ip=100000000/1h").withFailClosed("signin-ip");
        try (Redis redis = Redis.at(url)) {
            RedisRateLimiter limiter = new RedisRateLimiter(redis, limits, limits, Clock.systemUTC());
            // Connects before the callers start, as a node has long done by the time traffic peaks.
            limiter.tryAcquire("tnt_bench", RateLimits.SIGNIN_IP, "connect");
            run(limiter, threads, keys, seconds);
            long decisions = run(limiter, threads, keys, seconds);
            System.out.printf("  rate limiter: decisions_per_second=%.1f (%d decisions, %d threads, %d keys)%n",
                    decisions / (double) seconds, decisions, threads, keys);
        }
    }

    /** Decides from {@code threads} threads for {@code seconds}; returns how many decisions were made. */
    private static long run(RedisRateLimiter limiter, int threads, int keys, int seconds) throws Exception {
        AtomicLong decisions = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            running.add(pool.submit(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    String address = "198.51." + ((thread + n * threads) % keys) + ".bench";
                    n++;
                    Decision decision = limiter.tryAcquire("tnt_bench", RateLimits.SIGNIN_IP, address);
                    if (!decision.allowed()) {
                        throw new IllegalStateException("the bench limit was reached: raise it");
                    }
                }
                decisions.addAndGet(n);
                return null;
            }));
        }
        for (Future<?> thread : running) {
            thread.get();
        }
        pool.shutdown();
        return decisions.get();
    }
}
