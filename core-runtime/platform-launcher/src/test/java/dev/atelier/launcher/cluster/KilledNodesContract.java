package dev.atelier.launcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.generation.jobs.Job;
import dev.atelier.generation.jobs.JobStatus;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.TestPlatformBuilder;
import dev.atelier.launcher.platform.User;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of a web node and of a worker node in the middle of load, the nodes being real processes: the
 * platform's own node (web), a second web node and a worker in processes of their own, on one PostgreSQL. Clients
 * fail over to the surviving web node; a second worker takes over. No accepted job is lost, each job ends (run again
 * or released), and each job's credits are held once and then captured or released once. Each cluster event transport
 * (PostgreSQL, Redis) runs this through a subclass.
 */
abstract class KilledNodesContract {

    private static final String SLUG = "killstudio";
    private static final long PRICE = 2;
    private static final long CREDITS = 100;
    private static final int USERS = 4;
    private static final int JOBS_PER_USER = 8;
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration SWEEP_INTERVAL = Duration.ofMillis(500);
    /** Generous: nodes start and jobs end in seconds, but a busy CI machine must not fail the test. */
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Duration SLACK = Duration.ofSeconds(20);

    /** The platform's own node, a web node, before the subclass adds its transport's settings. */
    static TestPlatformBuilder firstNode() {
        return TestPlatform.builder().defaultBundles()
                .testModels("test-kill-models", "test-slow")
                .studio(SLUG, "{id: test-slow, credits: " + PRICE + "}",
                        "credits: {max_concurrent_jobs_per_user: 100, max_concurrent_jobs_per_tenant: 100}")
                .set("atelier.node.role", "web")
                .set("atelier.generation.lease", LEASE.toSeconds() + "s")
                .set("atelier.generation.sweep-interval", SWEEP_INTERVAL.toMillis() + "ms")
                // The platform's own node is a web node; the worker processes run eight jobs at a time each.
                .set("atelier.generation.workers", "8");
    }

    /** The platform of the subclass. */
    abstract TestPlatform platform();

    private final List<ChildNode> children = new CopyOnWriteArrayList<>();

    @AfterEach
    void killChildren() throws InterruptedException {
        for (ChildNode child : children) {
            child.close();
        }
    }

    @Test
    void killingAWebNodeAndAWorkerMidLoadLosesNoJobAndMovesEachJobsCreditsOnce() throws Exception {
        ChildNode web = child("web-2", "web");
        ChildNode worker = child("worker-1", "worker");
        int models = platform().atelier().plugins().models().list().size();
        web.awaitReady(PATIENCE, models);
        worker.awaitReady(PATIENCE, models);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(platform().user(SLUG, CREDITS));
        }

        Set<String> accepted = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(USERS);
        try {
            List<Future<List<String>>> refusals = submitKillingTheWebNodeHalfway(clients, users, web, accepted);

            Map<String, Integer> held = awaitRunning(accepted);
            worker.kill();
            ChildNode secondWorker = child("worker-2", "worker");
            for (Future<List<String>> refused : refusals) {
                assertThat(refused.get(60, TimeUnit.SECONDS)).as("answers other than 202").isEmpty();
            }
            assertThat(accepted).hasSizeGreaterThan(JOBS_PER_USER);

            // The jobs the killed worker held are taken back once their lease runs out (a sweep of the surviving
            // web node does it; the second worker may still be starting). One running again has a higher attempt
            // count than it had on the killed worker.
            await().atMost(LEASE.plus(SWEEP_INTERVAL).plus(SLACK)).pollInterval(Duration.ofMillis(100))
                    .until(() -> held.entrySet().stream().allMatch(job -> job(job.getKey()).status()
                            != JobStatus.RUNNING || job(job.getKey()).attempts() > job.getValue()));
            secondWorker.awaitReady(PATIENCE, models);
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                    .until(() -> accepted.stream().allMatch(id -> isFinal(job(id))));
        } finally {
            clients.shutdownNow();
        }

        for (User user : users) {
            assertSettledOnce(user, accepted);
        }
    }

    /** Each user's client submits its jobs; once half of all are sent, the web node they go to is killed. */
    private static List<Future<List<String>>> submitKillingTheWebNodeHalfway(ExecutorService clients,
            List<User> users, ChildNode web, Set<String> accepted) throws InterruptedException {
        AtomicBoolean webKilled = new AtomicBoolean();
        CountDownLatch halfSubmitted = new CountDownLatch(USERS * JOBS_PER_USER / 2);
        List<Future<List<String>>> refusals = new ArrayList<>();
        for (User user : users) {
            refusals.add(clients.submit(() -> submitAll(user, web.port(), webKilled, accepted, halfSubmitted)));
        }
        assertThat(halfSubmitted.await(60, TimeUnit.SECONDS)).as("half of the jobs were submitted").isTrue();
        web.kill();
        webKilled.set(true);
        return refusals;
    }

    /**
     * Submits the user's jobs one after another to the second web node and, once it is gone, to the platform's own,
     * as a load balancer would; returns the answers other than 202. A request cut by the kill has no answer: its job
     * may or may not exist, and the ledger checks cover it either way.
     */
    private static List<String> submitAll(User user, int webPort, AtomicBoolean webKilled, Set<String> accepted,
            CountDownLatch submitted) throws InterruptedException {
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < JOBS_PER_USER; i++) {
            User client = webKilled.get() ? user : user.onPort(webPort);
            try {
                HttpResponse<String> answer = client.submit(
                        "{\"model\":\"test-slow\",\"prompt\":\"under load " + i + "\"}");
                if (answer.statusCode() == 202) {
                    accepted.add(User.parse(answer).get("id").asText());
                } else {
                    refused.add(answer.statusCode() + " " + answer.body());
                }
            } catch (IOException cutByTheKill) {
                // The node died under the request; the client goes on with the surviving one.
                webKilled.set(true);
            }
            submitted.countDown();
        }
        return refused;
    }

    /** Waits until the worker runs some of the jobs; returns their ids and attempt counts. */
    private Map<String, Integer> awaitRunning(Set<String> accepted) {
        Map<String, Integer> running = new ConcurrentHashMap<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            running.clear();
            accepted.stream().map(this::job).filter(job -> job.status() == JobStatus.RUNNING)
                    .forEach(job -> running.put(job.id(), job.attempts()));
            return running.size() >= 2;
        });
        return running;
    }

    private void assertSettledOnce(User user, Set<String> accepted) throws IOException, InterruptedException {
        List<Job> jobs = platform().atelier().generation().jobs().list(user.tenantId(), user.accountId(), 100, null)
                .items();
        Set<String> ids = jobs.stream().map(Job::id).collect(Collectors.toSet());
        List<String> acceptedOfUser = accepted.stream()
                .filter(id -> job(id).accountId().equals(user.accountId())).toList();
        assertThat(ids).as("accepted jobs are all there").containsAll(acceptedOfUser);
        for (String id : acceptedOfUser) {
            // The user sees each of them through the surviving web node, whichever node accepted it.
            assertThat(user.json("/api/v1/generations/" + id).get("status").asText())
                    .isEqualTo(job(id).status().name());
        }
        Map<String, List<LedgerEntry.Kind>> ledger = ledgerByJob(user);
        long succeeded = 0;
        for (Job job : jobs) {
            assertThat(job.status()).as("job %s", job.id()).isIn(JobStatus.SUCCEEDED, JobStatus.FAILED);
            LedgerEntry.Kind settled = job.status() == JobStatus.SUCCEEDED
                    ? LedgerEntry.Kind.CAPTURE : LedgerEntry.Kind.RELEASE;
            assertThat(ledger.get(job.id())).as("ledger of job %s (%s)", job.id(), job.status())
                    .containsExactly(LedgerEntry.Kind.HOLD, settled);
            if (job.status() == JobStatus.SUCCEEDED) {
                succeeded++;
            }
        }
        assertThat(ledger.keySet()).as("no ledger entries for jobs that do not exist").isEqualTo(ids);
        assertThat(platform().balance(user)).isEqualTo(CREDITS - PRICE * succeeded);
    }

    private Map<String, List<LedgerEntry.Kind>> ledgerByJob(User user) {
        List<LedgerEntry> entries = new ArrayList<>(platform().atelier().generation().ledger()
                .entries(user.tenantId(), user.accountId()));
        Collections.reverse(entries);
        return entries.stream().filter(e -> e.jobId() != null).collect(Collectors.groupingBy(LedgerEntry::jobId,
                Collectors.mapping(LedgerEntry::kind, Collectors.toList())));
    }

    private Job job(String id) {
        return platform().atelier().generation().jobs().findById(id).orElseThrow(() -> new AssertionError(
                "accepted job " + id + " is gone"));
    }

    private static boolean isFinal(Job job) {
        return job.status() != JobStatus.QUEUED && job.status() != JobStatus.RUNNING;
    }

    private ChildNode child(String name, String role) throws IOException {
        ChildNode node = ChildNode.start(platform(), name, role, Map.of());
        children.add(node);
        return node;
    }
}
