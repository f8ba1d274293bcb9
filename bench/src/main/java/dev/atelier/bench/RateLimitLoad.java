package dev.atelier.bench;

import dev.atelier.core.ratelimit.Decision;
import dev.atelier.core.ratelimit.RateLimiterUnavailableException;
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
 * high enough that every decision is an allowed one, so each is a full bucket update (read and compare-and-swap). The
 * kind fails closed, so a decision Redis did not answer within the client's time-out is counted apart, not as a
 * decision.
 * Usage: {@code RateLimitLoad <redis url> <seconds> <threads> <keys>}.
 */
public final class RateLimitLoad {

    private static final AtomicLong UNANSWERED = new AtomicLong();

    private RateLimitLoad() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int seconds = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int keys = Integer.parseInt(args[3]);
        RateLimits limits = RateLimits.defaults().withOverrides("signin-ip=100000000/1h").withFailClosed("signin-ip");
        try (Redis redis = Redis.at(url)) {
            RedisRateLimiter limiter = new RedisRateLimiter(redis, limits, limits, Clock.systemUTC());
            connect(limiter);
            run(limiter, threads, keys, seconds);
            UNANSWERED.set(0);
            long decisions = run(limiter, threads, keys, seconds);
            System.out.printf("  rate limiter: decisions_per_second=%.1f (%d decisions, %d unanswered, %d threads,"
                    + " %d keys)%n", decisions / (double) seconds, decisions, UNANSWERED.get(), threads, keys);
        }
    }

    /** Connects before the callers start, as a node has long done by the time traffic peaks. */
    private static void connect(RedisRateLimiter limiter) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                limiter.tryAcquire("tnt_bench", RateLimits.SIGNIN_IP, "connect");
                return;
            } catch (RateLimiterUnavailableException e) {
                if (attempt == 10) {
                    throw e;
                }
                Thread.sleep(500);
            }
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
                    Decision decision;
                    try {
                        decision = limiter.tryAcquire("tnt_bench", RateLimits.SIGNIN_IP, address);
                    } catch (RateLimiterUnavailableException e) {
                        UNANSWERED.incrementAndGet();
                        continue;
                    }
                    n++;
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
