package dev.atelier.generation.jobs;

import static dev.atelier.billing.credits.LedgerFixture.ALPHA;
import static dev.atelier.billing.credits.LedgerFixture.BETA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.billing.credits.CreditLedger;
import dev.atelier.billing.credits.InsufficientCreditsException;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.billing.credits.LedgerFixture;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgresExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Submitting, owning, running and settling generations, and the credits each step moves. */
@ExtendWith(TestPostgresExtension.class)
class GenerationJobsTest {

    private static final String ADA = "acc_ada";
    private static final String BOB = "acc_bob";
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final int NO_LIMIT = 1000;

    private LedgerFixture fixture;
    private CreditLedger ledger;
    private GenerationJobs jobs;

    @BeforeEach
    void start(TestDatabase database) {
        fixture = new LedgerFixture(database, 4);
        ledger = fixture.ledger;
        jobs = new GenerationJobs(fixture.database.dataSource(), ledger, fixture.clock);
        ledger.grant(ALPHA, ADA, 10, "Top-up", null, "topup-ada");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static NewJob request(String prompt, long price) {
        return new NewJob("procedural", prompt, null, Map.of("width", 512, "style", "aurora"), List.of(), price, 3,
                Duration.ofMinutes(5));
    }

    private Job submit(String account, String prompt, long price) {
        return jobs.submit(ALPHA, account, request(prompt, price), null, NO_LIMIT, NO_LIMIT);
    }

    private ClaimedJob claim(String worker) {
        return jobs.claim(worker, LEASE).orElseThrow();
    }

    private List<LedgerEntry.Kind> kinds(String account) {
        return ledger.entries(ALPHA, account).stream().map(LedgerEntry::kind).toList();
    }

    // Ada's hold was given back whole: her ten credits again, the hold and its release in her history.
    private void assertHoldReleased() {
        assertAdaLedger(10, LedgerEntry.Kind.RELEASE, LedgerEntry.Kind.HOLD, LedgerEntry.Kind.GRANT);
    }

    private void assertAdaLedger(long balance, LedgerEntry.Kind... newestFirst) {
        assertThat(kinds(ADA)).containsExactly(newestFirst);
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(balance);
    }

    @Test
    void submittingQueuesTheJobAndHoldsItsPrice() {
        Job job = submit(ADA, "a lighthouse at dusk", 4);

        assertThat(job.id()).matches("gen_[0-9a-f]{32}");
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.parameters()).containsEntry("width", 512).containsEntry("style", "aurora");
        assertThat(job.price()).isEqualTo(4);
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(6);
        assertThat(ledger.entries(ALPHA, ADA).get(0)).satisfies(hold -> {
            assertThat(hold.kind()).isEqualTo(LedgerEntry.Kind.HOLD);
            assertThat(hold.jobId()).isEqualTo(job.id());
            assertThat(hold.amount()).isEqualTo(4);
        });
    }

    @Test
    void aJobCostingMoreThanTheBalanceIsRefusedAndNothingIsQueued() {
        assertThatThrownBy(() -> submit(ADA, "too dear", 11)).isInstanceOfSatisfying(
                InsufficientCreditsException.class, e -> {
                    assertThat(e.balance()).isEqualTo(10);
                    assertThat(e.price()).isEqualTo(11);
                });

        assertThat(jobs.list(ALPHA, ADA, 20, null).items()).isEmpty();
        assertThat(jobs.claim("w1", LEASE)).isEmpty();
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(10);
    }

    @Test
    void aFreeJobNeedsNoCredits() {
        Job job = jobs.submit(ALPHA, BOB, request("free", 0), null, NO_LIMIT, NO_LIMIT);
        ClaimedJob claimed = claim("w1");

        assertThat(jobs.succeed(job.id(), claimed.workerId(), List.of())).isTrue();
        assertThat(ledger.entries(ALPHA, BOB)).isEmpty();
    }

    @Test
    void successCapturesTheHoldExactlyOnce() {
        Job job = submit(ADA, "a lighthouse at dusk", 4);
        ClaimedJob claimed = claim("w1");
        assertThat(claimed.job().id()).isEqualTo(job.id());
        assertThat(claimed.job().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(claimed.job().attempts()).isEqualTo(1);
        assertThat(claimed.leaseExpiresAt()).isEqualTo(fixture.clock.instant().plus(LEASE));

        Output image = new Output("t/alpha/gen/1.png", "image/png", 1234, 512, 512, null, "t/alpha/gen/1-thumb.png");
        Job settled = jobs.succeeded(ALPHA, job.id(), "w1", List.of(image), "done").orElseThrow();
        assertThat(jobs.succeed(job.id(), "w1", List.of(image))).isFalse();
        assertThat(jobs.fail(job.id(), "w1", "late", false)).isFalse();

        Job done = jobs.find(ALPHA, ADA, job.id()).orElseThrow();
        // What the settlement answers is the job as a read afterwards finds it.
        assertThat(settled).isEqualTo(done);
        assertThat(done.stage()).isEqualTo("done");
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.outputs()).containsExactly(image);
        assertThat(done.finishedAt()).isNotNull();
        assertAdaLedger(6, LedgerEntry.Kind.CAPTURE, LedgerEntry.Kind.HOLD, LedgerEntry.Kind.GRANT);
    }

    @Test
    void aFinalFailureReleasesTheHoldExactlyOnce() {
        Job job = submit(ADA, "a storm", 4);
        claim("w1");

        assertThat(jobs.fail(job.id(), "w1", "The model refused this prompt.", false)).isTrue();
        assertThat(jobs.fail(job.id(), "w1", "The model refused this prompt.", false)).isFalse();
        assertThat(jobs.canceled(job.id(), "w1")).isFalse();

        Job failed = jobs.find(ALPHA, ADA, job.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).isEqualTo("The model refused this prompt.");
        assertHoldReleased();
    }

    @Test
    void aRetryableFailureQueuesTheJobAgainKeepingItsHoldUntilAttemptsRunOut() {
        Job job = submit(ADA, "a storm", 4);
        for (int attempt = 1; attempt <= 3; attempt++) {
            ClaimedJob claimed = claim("w" + attempt);
            assertThat(claimed.job().attempts()).isEqualTo(attempt);
            assertThat(jobs.fail(job.id(), "w" + attempt, "The model timed out.", true)).isTrue();
            assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(attempt < 3 ? 6 : 10);
        }

        assertThat(jobs.find(ALPHA, ADA, job.id()).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
        assertThat(jobs.claim("w4", LEASE)).isEmpty();
        assertHoldReleased();
    }

    @Test
    void cancelingAQueuedJobReleasesItsCreditsAtOnce() {
        Job job = submit(ADA, "a storm", 4);

        Job canceled = jobs.cancel(ALPHA, ADA, job.id()).orElseThrow();
        Job again = jobs.cancel(ALPHA, ADA, job.id()).orElseThrow();

        assertThat(canceled.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(again.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(jobs.claim("w1", LEASE)).isEmpty();
        assertHoldReleased();
    }

    @Test
    void cancelingARunningJobAsksItsWorkerWhichThenReleasesTheCredits() {
        Job job = submit(ADA, "a storm", 4);
        claim("w1");

        Job asked = jobs.cancel(ALPHA, ADA, job.id()).orElseThrow();
        assertThat(asked.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(asked.cancelRequested()).isTrue();
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(6);

        Heartbeat beat = jobs.heartbeat(job.id(), "w1", LEASE, 40, "Rendering");
        assertThat(beat).isEqualTo(new Heartbeat(true, true));
        assertThat(jobs.canceled(job.id(), "w1")).isTrue();

        assertThat(jobs.find(ALPHA, ADA, job.id()).orElseThrow().status()).isEqualTo(JobStatus.CANCELED);
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(10);
        assertThat(jobs.heartbeat(job.id(), "w1", LEASE, 50, null)).isEqualTo(new Heartbeat(false, false));
    }

    @Test
    void heartbeatsRecordProgressAndOnlyTheOwningWorkerCounts() {
        Job job = submit(ADA, "a storm", 4);
        claim("w1");

        assertThat(jobs.heartbeat(job.id(), "w1", LEASE, 35, "Denoising")).isEqualTo(new Heartbeat(true, false));
        assertThat(jobs.heartbeat(job.id(), "w2", LEASE, 90, "Nope")).isEqualTo(new Heartbeat(false, false));
        assertThat(jobs.succeed(job.id(), "w2", List.of())).isFalse();

        Job running = jobs.findById(job.id()).orElseThrow();
        assertThat(running.progress()).isEqualTo(35);
        assertThat(running.stage()).isEqualTo("Denoising");
    }

    @Test
    void theSweeperRequeuesAJobWhoseWorkerStoppedAndFailsItOnTheLastAttempt() {
        Job job = jobs.submit(ALPHA, ADA, new NewJob("procedural", "a storm", null, Map.of(), List.of(), 4, 2, null),
                null, NO_LIMIT, NO_LIMIT);
        claim("w1");
        fixture.clock.advance(LEASE.plusSeconds(1));

        assertThat(jobs.sweep(Duration.ofHours(1))).isEqualTo(1);
        assertThat(jobs.findById(job.id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(6);
        assertThat(jobs.succeed(job.id(), "w1", List.of())).isFalse();

        claim("w2");
        assertThat(jobs.sweep(Duration.ofHours(1))).isZero();
        fixture.clock.advance(LEASE.plusSeconds(1));
        assertThat(jobs.sweep(Duration.ofHours(1))).isEqualTo(1);

        Job failed = jobs.findById(job.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).isEqualTo("The generation stopped unexpectedly.");
        assertThat(jobs.sweep(Duration.ofHours(1))).isZero();
        assertHoldReleased();
    }

    @Test
    void aHeartbeatKeepsTheSweeperAway() {
        Job job = submit(ADA, "a storm", 4);
        claim("w1");
        fixture.clock.advance(LEASE.minusSeconds(5));
        jobs.heartbeat(job.id(), "w1", LEASE, 10, null);
        fixture.clock.advance(LEASE.minusSeconds(5));

        assertThat(jobs.sweep(Duration.ofHours(1))).isZero();
        assertThat(jobs.findById(job.id()).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void theSweeperExpiresJobsThatWaitedTooLongAndReleasesTheirCredits() {
        Job old = submit(ADA, "old", 4);
        fixture.clock.advance(Duration.ofMinutes(20));
        Job fresh = submit(ADA, "fresh", 3);
        fixture.clock.advance(Duration.ofMinutes(15));

        assertThat(jobs.sweep(Duration.ofMinutes(30))).isEqualTo(1);

        assertThat(jobs.findById(old.id()).orElseThrow().status()).isEqualTo(JobStatus.EXPIRED);
        assertThat(jobs.findById(fresh.id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(7);
    }

    @Test
    void onlyTheOwnerSeesCancelsOrDeletesAJob() {
        ledger.grant(BETA, ADA, 10, "Top-up", null, "topup-beta");
        Job job = submit(ADA, "mine", 4);

        assertThat(jobs.find(ALPHA, BOB, job.id())).isEmpty();
        assertThat(jobs.find(BETA, ADA, job.id())).isEmpty();
        assertThat(jobs.list(ALPHA, BOB, 20, null).items()).isEmpty();
        assertThat(jobs.list(BETA, ADA, 20, null).items()).isEmpty();
        assertThat(jobs.cancel(ALPHA, BOB, job.id())).isEmpty();
        assertThat(jobs.cancel(BETA, ADA, job.id())).isEmpty();
        assertThat(jobs.delete(BETA, ADA, job.id())).isEmpty();
        assertThat(jobs.findById(job.id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(6);
        assertThat(ledger.balance(BETA, ADA)).isEqualTo(10);

        assertThat(jobs.find(ALPHA, ADA, job.id())).isPresent();
        assertThat(jobs.find(ALPHA, ADA, "gen_nope")).isEmpty();
    }

    @Test
    void onlyFinishedJobsCanBeDeletedAndTheLedgerRemembersThem() {
        Job job = submit(ADA, "mine", 4);
        assertThatThrownBy(() -> jobs.delete(ALPHA, ADA, job.id())).isInstanceOf(IllegalStateException.class);
        claim("w1");
        assertThatThrownBy(() -> jobs.delete(ALPHA, ADA, job.id())).isInstanceOf(IllegalStateException.class);
        jobs.succeed(job.id(), "w1", List.of(new Output("k", "image/png", 1, 1, 1, null, null)));

        Job deleted = jobs.delete(ALPHA, ADA, job.id()).orElseThrow();

        assertThat(deleted.outputs()).extracting(Output::key).containsExactly("k");
        assertThat(jobs.find(ALPHA, ADA, job.id())).isEmpty();
        assertThat(jobs.delete(ALPHA, ADA, job.id())).isEmpty();
        assertThat(ledger.entries(ALPHA, ADA)).filteredOn(e -> job.id().equals(e.jobId())).hasSize(2);
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(6);
    }

    @Test
    void theHistoryIsListedNewestFirstPageByPage() {
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(submit(ADA, "picture " + i, 0).id());
        }

        JobPage first = jobs.list(ALPHA, ADA, 2, null);
        JobPage second = jobs.list(ALPHA, ADA, 2, first.nextCursor());
        JobPage third = jobs.list(ALPHA, ADA, 2, second.nextCursor());

        List<String> seen = new ArrayList<>();
        for (JobPage page : List.of(first, second, third)) {
            page.items().forEach(j -> seen.add(j.id()));
        }
        Collections.reverse(submitted);
        assertThat(seen).containsExactlyElementsOf(submitted);
        assertThat(third.nextCursor()).isNull();
        assertThatThrownBy(() -> jobs.list(ALPHA, ADA, 2, "not a cursor"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replayingASubmitWithItsKeyReturnsTheSameJobAndHoldsOnce() {
        Job first = jobs.submit(ALPHA, ADA, request("a lighthouse", 4), "key-1", NO_LIMIT, NO_LIMIT);
        Job replay = jobs.submit(ALPHA, ADA, request("a lighthouse", 4), "key-1", NO_LIMIT, NO_LIMIT);

        assertThat(replay.id()).isEqualTo(first.id());
        assertThat(jobs.list(ALPHA, ADA, 20, null).items()).hasSize(1);
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(6);

        assertThatThrownBy(() -> jobs.submit(ALPHA, ADA, request("a different picture", 4), "key-1", NO_LIMIT,
                NO_LIMIT)).isInstanceOf(IdempotencyConflictException.class);
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(6);

        // Keys belong to one account: another account's identical key is its own request.
        ledger.grant(ALPHA, BOB, 10, "Top-up", null, "topup-bob");
        Job bobs = jobs.submit(ALPHA, BOB, request("a lighthouse", 4), "key-1", NO_LIMIT, NO_LIMIT);
        assertThat(bobs.id()).isNotEqualTo(first.id());
    }

    @Test
    void theConcurrencyLimitsCountQueuedAndRunningJobs() {
        ledger.grant(ALPHA, BOB, 10, "Top-up", null, "topup-bob");
        Job one = jobs.submit(ALPHA, ADA, request("one", 1), null, 2, 3);
        jobs.submit(ALPHA, ADA, request("two", 1), null, 2, 3);
        claim("w1");

        assertThatThrownBy(() -> jobs.submit(ALPHA, ADA, request("three", 1), null, 2, 3))
                .isInstanceOfSatisfying(ConcurrencyLimitException.class, e -> {
                    assertThat(e.limit()).isEqualTo(2);
                    assertThat(e.perUser()).isTrue();
                });
        jobs.submit(ALPHA, BOB, request("bob one", 1), null, 2, 3);
        assertThatThrownBy(() -> jobs.submit(ALPHA, BOB, request("bob two", 1), null, 2, 3))
                .isInstanceOfSatisfying(ConcurrencyLimitException.class, e -> {
                    assertThat(e.limit()).isEqualTo(3);
                    assertThat(e.perUser()).isFalse();
                });
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(8);

        jobs.succeed(one.id(), "w1", List.of());
        assertThat(jobs.submit(ALPHA, ADA, request("three", 1), null, 2, 3).status()).isEqualTo(JobStatus.QUEUED);
    }
}
