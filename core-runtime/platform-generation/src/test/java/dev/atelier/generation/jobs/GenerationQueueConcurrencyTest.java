package dev.atelier.generation.jobs;

import static dev.atelier.billing.credits.LedgerFixture.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.billing.credits.CreditLedger;
import dev.atelier.billing.credits.InsufficientCreditsException;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.billing.credits.LedgerFixture;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgresExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many requests and workers at once: credits are neither overspent nor lost, and no job runs twice. */
@ExtendWith(TestPostgresExtension.class)
class GenerationQueueConcurrencyTest {

    private static final String ADA = "acc_ada";
    private static final Duration LEASE = Duration.ofSeconds(30);

    private LedgerFixture fixture;
    private CreditLedger ledger;
    private GenerationJobs jobs;
    private ExecutorService threads;

    @BeforeEach
    void start(TestDatabase database) {
        fixture = new LedgerFixture(database, 12);
        ledger = fixture.ledger;
        jobs = new GenerationJobs(fixture.database.dataSource(), ledger, fixture.clock);
        threads = Executors.newFixedThreadPool(50);
    }

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
        fixture.close();
    }

    @Test
    void fiftySimultaneousSubmitsAgainstABalanceForTenAcceptExactlyTen() throws Exception {
        ledger.grant(ALPHA, ADA, 10, "Top-up", null, "topup");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            NewJob request = new NewJob("procedural", "picture " + i, null, Map.of(), List.of(), 1, 1, null);
            results.add(threads.submit(() -> {
                go.await();
                try {
                    jobs.submit(ALPHA, ADA, request, null, 100, 100);
                    return true;
                } catch (InsufficientCreditsException e) {
                    return false;
                }
            }));
        }
        go.countDown();
        int accepted = 0;
        for (Future<Boolean> result : results) {
            accepted += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }

        assertThat(accepted).isEqualTo(10);
        assertThat(jobs.list(ALPHA, ADA, 100, null).items()).hasSize(10);
        assertThat(ledger.balance(ALPHA, ADA)).isZero();
        List<LedgerEntry> entries = ledger.entries(ALPHA, ADA);
        assertThat(entries).filteredOn(e -> e.kind() == LedgerEntry.Kind.HOLD).hasSize(10)
                .extracting(LedgerEntry::amount).containsOnly(1L);
        long granted = entries.stream().filter(e -> e.kind() == LedgerEntry.Kind.GRANT)
                .mapToLong(LedgerEntry::amount).sum();
        long held = entries.stream().filter(e -> e.kind() == LedgerEntry.Kind.HOLD).mapToLong(LedgerEntry::amount)
                .sum();
        assertThat(granted - held).isEqualTo(ledger.balance(ALPHA, ADA));
        assertThat(fixture.runningTotalsOffTheLedger()).isZero();
    }

    @Test
    void workersClaimingAtOnceNeverGetTheSameJobAndEverySettlementIsCounted() throws Exception {
        ledger.grant(ALPHA, ADA, 100, "Top-up", null, "topup");
        for (int i = 0; i < 30; i++) {
            jobs.submit(ALPHA, ADA, new NewJob("procedural", "picture " + i, null, Map.of(), List.of(), 2, 1, null),
                    null, 100, 100);
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            String worker = "worker-" + w;
            Callable<List<String>> work = () -> {
                go.await();
                List<String> mine = new ArrayList<>();
                for (Optional<ClaimedJob> claimed = jobs.claim(worker, LEASE); claimed.isPresent();
                        claimed = jobs.claim(worker, LEASE)) {
                    String id = claimed.get().job().id();
                    mine.add(id);
                    // Every other job fails, so both captures and releases race with claims.
                    if (mine.size() % 2 == 0) {
                        assertThat(jobs.succeed(id, worker, List.of())).isTrue();
                    } else {
                        assertThat(jobs.fail(id, worker, "The model failed.", false)).isTrue();
                    }
                }
                return mine;
            };
            workers.add(threads.submit(work));
        }
        go.countDown();
        List<String> all = new ArrayList<>();
        for (Future<List<String>> worker : workers) {
            all.addAll(worker.get(60, TimeUnit.SECONDS));
        }

        Set<String> distinct = new HashSet<>(all);
        assertThat(all).hasSize(30);
        assertThat(distinct).hasSize(30);
        List<LedgerEntry> entries = ledger.entries(ALPHA, ADA);
        long captures = entries.stream().filter(e -> e.kind() == LedgerEntry.Kind.CAPTURE).count();
        long releases = entries.stream().filter(e -> e.kind() == LedgerEntry.Kind.RELEASE).count();
        assertThat(captures + releases).isEqualTo(30);
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(100 - 2 * captures);
        assertThat(fixture.runningTotalsOffTheLedger()).isZero();
    }

    @Test
    void settlingAtOnceSpendsTheSoonestExpiringGrantsFirstAndKeepsTheRunningTotalsTrue() throws Exception {
        Instant now = fixture.clock.instant();
        ledger.grant(ALPHA, ADA, 20, "Plan", now.plus(Duration.ofDays(10)), "plan");
        ledger.grant(ALPHA, ADA, 20, "Top-up", null, "topup");
        ledger.grant(ALPHA, ADA, 20, "Sign-up bonus", now.plus(Duration.ofDays(1)), "signup");
        CountDownLatch submitted = new CountDownLatch(1);
        List<Future<Boolean>> submits = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            NewJob request = new NewJob("procedural", "picture " + i, null, Map.of(), List.of(), 1, 1, null);
            submits.add(threads.submit(() -> {
                submitted.await();
                try {
                    jobs.submit(ALPHA, ADA, request, null, 100, 100);
                    return true;
                } catch (InsufficientCreditsException e) {
                    return false;
                }
            }));
        }
        submitted.countDown();
        int accepted = 0;
        for (Future<Boolean> submit : submits) {
            accepted += submit.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(60);

        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            String worker = "worker-" + w;
            workers.add(threads.submit(() -> {
                go.await();
                int captured = 0;
                for (Optional<ClaimedJob> claimed = jobs.claim(worker, LEASE); claimed.isPresent();
                        claimed = jobs.claim(worker, LEASE)) {
                    Job job = claimed.get().job();
                    // A third of the jobs fail, so releases race with captures.
                    if (Integer.parseInt(job.prompt().substring("picture ".length())) % 3 == 0) {
                        assertThat(jobs.fail(job.id(), worker, "The model failed.", false)).isTrue();
                    } else {
                        assertThat(jobs.succeed(job.id(), worker, List.of())).isTrue();
                        captured++;
                    }
                }
                return captured;
            }));
        }
        go.countDown();
        int captured = 0;
        for (Future<Integer> worker : workers) {
            captured += worker.get(60, TimeUnit.SECONDS);
        }

        assertThat(captured).isBetween(21, 59);
        assertThat(fixture.runningTotalsOffTheLedger()).isZero();
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(60 - captured)
                .isEqualTo(fixture.balanceFromLedger(ALPHA, ADA));
        // The bonus (1 day) went first, then the plan (10 days); the never-expiring top-up was touched last.
        fixture.clock.advance(Duration.ofDays(2));
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(60 - captured)
                .isEqualTo(fixture.balanceFromLedger(ALPHA, ADA));
        fixture.clock.advance(Duration.ofDays(10));
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(Math.min(20, 60 - captured))
                .isEqualTo(fixture.balanceFromLedger(ALPHA, ADA));
    }
}
