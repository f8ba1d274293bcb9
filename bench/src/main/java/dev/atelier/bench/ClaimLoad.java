package dev.atelier.bench;

import dev.atelier.billing.credits.CreditLedger;
import dev.atelier.core.db.Database;
import dev.atelier.core.db.DatabaseSettings;
import dev.atelier.core.db.JdbcTransactions;
import dev.atelier.generation.jobs.ClaimedJob;
import dev.atelier.generation.jobs.GenerationJobs;
import dev.atelier.generation.jobs.ModelLimits;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Claims per second from a long queue, as workers make them: each thread claims a job and settles it at once (so the
 * running jobs stay as few as the workers, as with real ones) for {@code seconds}, after as long again untimed. The
 * queue holds {@code queued} jobs of 20 tenants (one has 60% of them, a burst) and two models (a third
 * {@code replicate-video}). Usage: {@code ClaimLoad <jdbc url> <user> <seconds> <threads> <queued> [video limit]}
 * against an empty database, which it migrates; with a limit, {@code replicate-video} may run that many at once.
 */
public final class ClaimLoad {

    private static final int TENANTS = 20;
    private static final Duration LEASE = Duration.ofMinutes(5);

    private ClaimLoad() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int seconds = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        int queued = Integer.parseInt(args[4]);
        ModelLimits limits = args.length > 5 ? new ModelLimits(Map.of("replicate-video", Integer.parseInt(args[5])))
                : null;
        try (Database database = Database.start(DatabaseSettings.external(url, args[1], "", threads + 2))) {
            JdbcTransactions transactions = new JdbcTransactions(database.dataSource());
            GenerationJobs jobs = new GenerationJobs(database.dataSource(),
                    new CreditLedger(database.dataSource(), Clock.systemUTC()), Clock.systemUTC());
            setUp(transactions, queued);
            run(jobs, limits, threads, seconds);
            long[] timed = run(jobs, limits, threads, seconds);
            System.out.printf("  claims: claims_per_second=%.1f mean_claim_ms=%.2f (%d claims, %d threads,"
                    + " %d queued at the start, %s)%n", timed[0] / (double) seconds,
                    timed[1] / 1e6 / Math.max(1, timed[0]), timed[0], threads, queued,
                    limits == null ? "no model limit" : "replicate-video limited to " + args[5]);
        }
    }

    /** Claims and settles from {@code threads} threads for {@code seconds}; returns claims and nanoseconds in them. */
    private static long[] run(GenerationJobs jobs, ModelLimits limits, int threads, int seconds) throws Exception {
        AtomicLong claims = new AtomicLong();
        AtomicLong nanos = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String worker = "bench-" + t;
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    // The one-argument claim exists in every version, so earlier builds can be measured alike.
                    Optional<ClaimedJob> claimed = limits == null ? jobs.claim(worker, LEASE)
                            : jobs.claim(worker, LEASE, limits);
                    nanos.addAndGet(System.nanoTime() - start);
                    if (claimed.isEmpty()) {
                        throw new IllegalStateException("The queue ran dry; queue more jobs or run shorter");
                    }
                    claims.incrementAndGet();
                    jobs.succeed(claimed.get().job().id(), worker, List.of());
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        return new long[] {claims.get(), nanos.get()};
    }

    private static void setUp(JdbcTransactions transactions, int queued) {
        transactions.run("bench queue", c -> {
            try (PreparedStatement tenants = c.prepareStatement("INSERT INTO tenant (id, slug, display_name, status,"
                    + " document, secrets, created_at, updated_at) SELECT 'tnt_bench' || i, 'bench' || i, 'Bench',"
                    + " 'ACTIVE', '{}', '{}', now(), now() FROM generate_series(0, ?) i")) {
                tenants.setInt(1, TENANTS - 1);
                tenants.executeUpdate();
            }
            // Tenant 0 has 60% of the queue; the rest share the other 40%. Oldest first by seconds.
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO generation_job (id, tenant_id, account_id, model_id, prompt, parameters, input_ids,
                                                status, price, max_attempts, created_at, queued_at)
                    SELECT 'gen_bench_' || i,
                           'tnt_bench' || CASE WHEN i % 5 < 3 THEN 0 ELSE 1 + i % (? - 1) END,
                           'acc_' || i % 200,
                           CASE WHEN i % 3 = 0 THEN 'replicate-video' ELSE 'procedural' END,
                           'a picture', '{}', '[]', 'QUEUED', 0, 1,
                           now() - make_interval(secs => ? - i), now()
                      FROM generate_series(1, ?) i""")) {
                insert.setInt(1, TENANTS);
                insert.setInt(2, queued);
                insert.setInt(3, queued);
                return insert.executeUpdate();
            }
        });
        transactions.run("bench statistics", c -> {
            try (PreparedStatement analyze = c.prepareStatement("ANALYZE generation_job")) {
                return analyze.executeUpdate();
            }
        });
    }
}
