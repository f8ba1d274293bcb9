package dev.atelier.generation.jobs;

import static dev.atelier.billing.credits.LedgerFixture.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.billing.credits.LedgerFixture;
import dev.atelier.billing.notices.BillingNotice;
import dev.atelier.billing.notices.LowBalanceWatch;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantDirectory;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.core.tenants.TenantStatus;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgresExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The low-balance notice raised where generations settle: once per fall below the tenant's threshold, however many
 * generations were queued together and however many workers finish them at once.
 */
@ExtendWith(TestPostgresExtension.class)
class LowBalanceNoticeTest {

    private static final String ADA = "acc_ada";
    private static final long THRESHOLD = 20;

    private final List<BillingNotice> told = new CopyOnWriteArrayList<>();
    private LedgerFixture fixture;
    private GenerationJobs jobs;
    private ExecutorService workers;

    @BeforeEach
    void start(TestDatabase database) {
        fixture = new LedgerFixture(database, 12);
        Tenant alpha = new Tenant(ALPHA, "alpha", "Alpha", TenantStatus.ACTIVE, "help@alpha.test",
                List.of("alpha.test"), null, new TenantSettings(List.of(), List.of(), null, null, null, null,
                        new TenantSettings.Credits(0, null, 100, 100, THRESHOLD)), Instant.now());
        TenantDirectory tenants = new TenantDirectory() {
            @Override
            public Optional<Tenant> byHost(String host) {
                return Optional.empty();
            }

            @Override
            public Optional<Tenant> bySlug(String slug) {
                return Optional.of(alpha).filter(t -> t.slug().equals(slug));
            }

            @Override
            public List<Tenant> all() {
                return List.of(alpha);
            }
        };
        jobs = new GenerationJobs(fixture.database.dataSource(), fixture.ledger, fixture.clock,
                new LowBalanceWatch(tenants, fixture.ledger, (connection, tenant, notice) -> told.add(notice)));
        workers = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stop() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(30, TimeUnit.SECONDS);
        fixture.close();
    }

    @Test
    void tenGenerationsQueuedTogetherAndFinishedByEightWorkersTellOnceAndAgainOnlyAfterAGrantLiftedTheBalance()
            throws Exception {
        fixture.ledger.grant(ALPHA, ADA, 25, "Top-up", null, "first");
        runAtOnce(10);
        assertThat(told).singleElement().isInstanceOfSatisfying(BillingNotice.LowBalance.class, low -> {
            assertThat(low.balance()).isLessThan(THRESHOLD);
            assertThat(low.threshold()).isEqualTo(THRESHOLD);
        });

        fixture.ledger.grant(ALPHA, ADA, 2, "Goodwill", null, "small");
        runAtOnce(2);
        assertThat(told).as("a grant that left the balance below the threshold").hasSize(1);

        fixture.ledger.grant(ALPHA, ADA, 10, "Top-up", null, "second");
        runAtOnce(10);
        assertThat(told).as("after a grant lifted the balance and it fell again").hasSize(2);
        assertThat(fixture.ledger.balance(ALPHA, ADA)).isEqualTo(15);
    }

    /** Queues {@code count} one-credit generations, then lets the workers finish them all at once. */
    private void runAtOnce(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            jobs.submit(ALPHA, ADA, new NewJob("procedural", "picture " + i, null, Map.of(), List.of(), 1, 1, null),
                    null, 100, 100);
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> finished = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            String worker = "worker-" + w;
            finished.add(workers.submit(() -> {
                go.await();
                int done = 0;
                for (Optional<ClaimedJob> claimed = jobs.claim(worker, Duration.ofSeconds(30)); claimed.isPresent();
                        claimed = jobs.claim(worker, Duration.ofSeconds(30))) {
                    assertThat(jobs.succeed(claimed.get().job().id(), worker, List.of())).isTrue();
                    done++;
                }
                return done;
            }));
        }
        go.countDown();
        int done = 0;
        for (Future<Integer> worker : finished) {
            done += worker.get(60, TimeUnit.SECONDS);
        }
        assertThat(done).isEqualTo(count);
    }
}
