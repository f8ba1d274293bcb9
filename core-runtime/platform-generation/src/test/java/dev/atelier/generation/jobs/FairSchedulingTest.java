package dev.atelier.generation.jobs;

import static dev.atelier.billing.credits.LedgerFixture.ALPHA;
import static dev.atelier.billing.credits.LedgerFixture.BETA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.billing.credits.LedgerFixture;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgresExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Jobs are taken in lanes: a tenant's burst does not hold back another tenant, a model at its limit holds back only
 * its own lane, and a tenant's priority plans go first within that tenant.
 */
@ExtendWith(TestPostgresExtension.class)
class FairSchedulingTest {

    private static final String ADA = "acc_ada";
    private static final String BOB = "acc_bob";
    private static final String VIDEO = "replicate-video";
    private static final String IMAGE = "procedural";
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final int NO_LIMIT = 10_000;

    private LedgerFixture fixture;
    private GenerationJobs jobs;
    private ExecutorService threads;

    @BeforeEach
    void start(TestDatabase database) {
        fixture = new LedgerFixture(database, 20);
        jobs = new GenerationJobs(fixture.database.dataSource(), fixture.ledger, fixture.clock);
        threads = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
        fixture.close();
    }

    private Job submit(String tenant, String account, String model, int priority) {
        NewJob job = new NewJob(model, "a picture", null, Map.of(), List.of(), 0, 1, null, priority);
        return jobs.submit(tenant, account, job, null, NO_LIMIT, NO_LIMIT);
    }

    private List<Job> submitMany(int count, String tenant, String account, String model) {
        List<Job> submitted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            submitted.add(submit(tenant, account, model, 0));
            // Each job a second younger than the one before, as a real burst would be.
            fixture.clock.advance(Duration.ofSeconds(1));
        }
        return submitted;
    }

    private Job claim(ModelLimits limits) {
        return jobs.claim("worker-1", LEASE, limits).orElseThrow().job();
    }

    @Test
    void aSmallTenantsJobsStartWithinTheFirstClaimsWhileAnotherTenantHasFiveHundredQueued() {
        submitMany(500, ALPHA, ADA, IMAGE);
        List<Job> small = submitMany(5, BETA, BOB, IMAGE);

        List<String> tenants = new ArrayList<>();
        List<String> betaClaimed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Job claimed = claim(ModelLimits.NONE);
            tenants.add(claimed.tenantId());
            if (claimed.tenantId().equals(BETA)) {
                betaClaimed.add(claimed.id());
            }
        }

        // The burst's oldest job goes first; from then on the tenants take turns.
        assertThat(tenants).containsExactly(ALPHA, BETA, ALPHA, BETA, ALPHA, BETA, ALPHA, BETA, ALPHA, BETA);
        assertThat(betaClaimed).containsExactlyElementsOf(small.stream().map(Job::id).toList());
    }

    @Test
    void aTenantWithFewerRunningJobsGoesFirstEvenWithYoungerJobs() {
        submitMany(3, ALPHA, ADA, IMAGE);
        claim(ModelLimits.NONE);
        claim(ModelLimits.NONE);
        Job beta = submit(BETA, BOB, IMAGE, 0);

        assertThat(claim(ModelLimits.NONE).id()).isEqualTo(beta.id());
        assertThat(claim(ModelLimits.NONE).tenantId()).isEqualTo(ALPHA);
        assertThat(jobs.claim("worker-1", LEASE, ModelLimits.NONE)).isEmpty();
    }

    @Test
    void aSuspendedTenantsJobsWaitWhileOtherTenantsMoveOnAndStartOnceItIsResumed() throws Exception {
        Job alpha = submit(ALPHA, ADA, IMAGE, 0);
        fixture.clock.advance(Duration.ofSeconds(1));
        Job beta = submit(BETA, BOB, IMAGE, 0);
        setStatus(ALPHA, "SUSPENDED");

        assertThat(claim(ModelLimits.NONE).id()).isEqualTo(beta.id());
        assertThat(jobs.claim("worker-1", LEASE, ModelLimits.NONE)).as("the suspended tenant's job waits").isEmpty();

        setStatus(ALPHA, "ACTIVE");
        assertThat(claim(ModelLimits.NONE).id()).isEqualTo(alpha.id());
    }

    private void setStatus(String tenantId, String status) throws Exception {
        try (Connection connection = fixture.database.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE tenant SET status = ? WHERE id = ?")) {
            update.setString(1, status);
            update.setString(2, tenantId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aModelAtItsLimitWaitsWhileTheTenantsOtherModelsAndOtherTenantsMoveOn() {
        ModelLimits limits = new ModelLimits(Map.of(VIDEO, 2));
        submitMany(10, ALPHA, ADA, VIDEO);
        List<Job> images = submitMany(3, ALPHA, ADA, IMAGE);

        List<String> models = new ArrayList<>();
        for (Optional<ClaimedJob> claimed = jobs.claim("worker-1", LEASE, limits); claimed.isPresent();
                claimed = jobs.claim("worker-1", LEASE, limits)) {
            models.add(claimed.get().job().modelId());
        }

        assertThat(models).containsExactly(VIDEO, VIDEO, IMAGE, IMAGE, IMAGE);
        assertThat(runningOf(VIDEO)).isEqualTo(2);
        Job firstVideo = jobs.list(ALPHA, ADA, 100, null).items().stream()
                .filter(j -> j.status() == JobStatus.RUNNING && j.modelId().equals(VIDEO)).findFirst().orElseThrow();
        assertThat(jobs.succeed(firstVideo.id(), "worker-1", List.of())).isTrue();

        assertThat(claim(limits).modelId()).isEqualTo(VIDEO);
        assertThat(jobs.claim("worker-1", LEASE, limits)).isEmpty();
        assertThat(images).allSatisfy(j -> assertThat(jobs.findById(j.id()).orElseThrow().status())
                .isEqualTo(JobStatus.RUNNING));
    }

    @Test
    void sixteenWorkersClaimingAtOnceNeverRunMoreOfALimitedModelThanItsLimit() throws Exception {
        ModelLimits limits = new ModelLimits(Map.of(VIDEO, 3));
        submitMany(40, ALPHA, ADA, VIDEO);
        submitMany(40, BETA, BOB, VIDEO);
        submitMany(20, ALPHA, ADA, IMAGE);
        submitMany(20, BETA, BOB, IMAGE);
        AtomicInteger mostVideosRunning = new AtomicInteger();
        List<String> finished = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 16; w++) {
            String worker = "worker-" + w;
            Callable<Void> work = () -> {
                go.await();
                for (Optional<ClaimedJob> claimed = jobs.claim(worker, LEASE, limits); claimed.isPresent();
                        claimed = jobs.claim(worker, LEASE, limits)) {
                    Job job = claimed.get().job();
                    if (job.modelId().equals(VIDEO)) {
                        // Read while this worker's video still runs: more than the limit here is a broken limit.
                        mostVideosRunning.accumulateAndGet((int) runningOf(VIDEO), Math::max);
                    }
                    assertThat(jobs.succeed(job.id(), worker, List.of())).isTrue();
                    finished.add(job.id());
                }
                return null;
            };
            workers.add(threads.submit(work));
        }
        go.countDown();
        for (Future<?> worker : workers) {
            worker.get(120, TimeUnit.SECONDS);
        }

        assertThat(mostVideosRunning.get()).isBetween(1, 3);
        assertThat(finished).hasSize(120).doesNotHaveDuplicates();
        assertThat(fixture.number("SELECT count(*) FROM generation_job WHERE status <> 'SUCCEEDED'")).isZero();
    }

    @Test
    void sixteenWorkersHoldingTheirJobsLeaveExactlyTheLimitOfAModelRunning() throws Exception {
        ModelLimits limits = new ModelLimits(Map.of(VIDEO, 3));
        submitMany(30, ALPHA, ADA, VIDEO);
        submitMany(30, BETA, BOB, VIDEO);
        submitMany(10, BETA, BOB, IMAGE);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 16; w++) {
            String worker = "worker-" + w;
            workers.add(threads.submit(() -> {
                go.await();
                int claimed = 0;
                while (jobs.claim(worker, LEASE, limits).isPresent()) {
                    claimed++;
                }
                return claimed;
            }));
        }
        go.countDown();
        int claimed = 0;
        for (Future<Integer> worker : workers) {
            claimed += worker.get(120, TimeUnit.SECONDS);
        }

        assertThat(claimed).isEqualTo(13);
        assertThat(runningOf(VIDEO)).isEqualTo(3);
        assertThat(runningOf(IMAGE)).isEqualTo(10);
    }

    @Test
    void aTenantsPriorityPlanJobsGoFirstWithinThatTenantOldestFirst() {
        Job plainOld = submit(ALPHA, ADA, IMAGE, 0);
        fixture.clock.advance(Duration.ofSeconds(1));
        Job priorityOld = submit(ALPHA, BOB, IMAGE, 10);
        fixture.clock.advance(Duration.ofSeconds(1));
        Job plainNew = submit(ALPHA, ADA, IMAGE, 0);
        fixture.clock.advance(Duration.ofSeconds(1));
        Job priorityNew = submit(ALPHA, BOB, VIDEO, 10);

        List<String> order = List.of(claim(ModelLimits.NONE).id(), claim(ModelLimits.NONE).id(),
                claim(ModelLimits.NONE).id(), claim(ModelLimits.NONE).id());

        assertThat(order).containsExactly(priorityOld.id(), priorityNew.id(), plainOld.id(), plainNew.id());
    }

    @Test
    void priorityOrdersOnlyItsOwnTenantsJobsNeverAnotherTenantsFairShare() {
        submit(ALPHA, ADA, IMAGE, 0);
        claim(ModelLimits.NONE);
        submit(BETA, BOB, IMAGE, 0);
        claim(ModelLimits.NONE);
        fixture.clock.advance(Duration.ofSeconds(1));
        Job alphaPlain = submit(ALPHA, ADA, IMAGE, 0);
        fixture.clock.advance(Duration.ofSeconds(1));
        Job betaPriority = submit(BETA, BOB, IMAGE, 50);

        // Both tenants run one job: the equal shares go by age, whatever either tenant's plans are worth.
        assertThat(claim(ModelLimits.NONE).id()).isEqualTo(alphaPlain.id());
        assertThat(claim(ModelLimits.NONE).id()).isEqualTo(betaPriority.id());
    }

    @Test
    void aJobQueuedAgainAfterARetryableFailureKeepsItsPlaceInItsLane() {
        List<Job> queued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            queued.add(jobs.submit(ALPHA, ADA, new NewJob(IMAGE, "picture " + i, null, Map.of(), List.of(), 0, 2,
                    null), null, NO_LIMIT, NO_LIMIT));
            fixture.clock.advance(Duration.ofSeconds(1));
        }
        Job first = claim(ModelLimits.NONE);
        assertThat(first.id()).isEqualTo(queued.get(0).id());

        assertThat(jobs.fail(first.id(), "worker-1", "The model failed.", true)).isTrue();

        assertThat(claim(ModelLimits.NONE).id()).isEqualTo(queued.get(0).id());
        assertThat(claim(ModelLimits.NONE).id()).isEqualTo(queued.get(1).id());
    }

    @Test
    void aClaimReadsIndexesNotTheWholeQueue() throws Exception {
        try (Connection connection = fixture.database.dataSource().getConnection()) {
            try (PreparedStatement seed = connection.prepareStatement("""
                    INSERT INTO generation_job (id, tenant_id, account_id, model_id, prompt, parameters, input_ids,
                                                status, price, max_attempts, created_at, queued_at, worker_id,
                                                lease_expires_at)
                    SELECT 'gen_seed' || i, CASE WHEN i % 4 = 0 THEN ? ELSE ? END, 'acc_' || i % 50,
                           'model-' || i % 5, 'p', '{}', '[]', CASE WHEN i <= 20 THEN 'RUNNING' ELSE 'QUEUED' END,
                           0, 1, now(), now(), CASE WHEN i <= 20 THEN 'w' END,
                           CASE WHEN i <= 20 THEN now() + interval '1 minute' END
                      FROM generate_series(1, 20000) i""")) {
                seed.setString(1, BETA);
                seed.setString(2, ALPHA);
                seed.executeUpdate();
            }
            connection.createStatement().execute("ANALYZE generation_job");
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + Lanes.LOCK_BEST)) {
                Lanes.bind(explain, connection, new ModelLimits(Map.of("model-1", 8)), Set.of());
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
            }

            assertThat(plan.toString()).as(plan.toString()).contains("generation_job_lanes")
                    .doesNotContain("Seq Scan on generation_job");
        }
    }

    private long runningOf(String model) {
        return fixture.number("SELECT count(*) FROM generation_job WHERE status = 'RUNNING' AND model_id = ?", model);
    }
}
