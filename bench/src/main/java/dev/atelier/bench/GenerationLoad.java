package dev.atelier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The platform side of the generation benchmark: submits {@code jobs} generations through the JSON API with an API
 * token, keeping {@code inFlight} submitted-but-unfinished at all times (so the queue never runs dry), and waits for
 * every one to end. Prints jobs per second (first submit to last finish) and the queue latency (created → started,
 * from the jobs' own timestamps) p50/p99, plus how many did not succeed. Submits go out as one write each
 * ({@link OneWritePost}), and each job's event stream is read on the same kept-alive connection.
 *
 * <p>{@code WARM_UP} jobs (default none) run first, untimed, on the same threads and connections: the driver shares
 * the machine with the platform, and its own start and compilation would otherwise fall into the measured run.
 * Usage: GenerationLoad BASE_URL HOST TOKEN MODEL SIZE JOBS IN_FLIGHT [WARM_UP]
 */
public final class GenerationLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static URI baseUri;
    // Each client thread submits on its own kept-alive connection, each request in one write (see OneWritePost).
    private static final ThreadLocal<OneWritePost> POSTS = ThreadLocal.withInitial(() -> new OneWritePost(baseUri));

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String host = args[1];
        String token = args[2];
        String model = args[3];
        int size = Integer.parseInt(args[4]);
        int jobs = Integer.parseInt(args[5]);
        int inFlight = Integer.parseInt(args[6]);
        int warmUp = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        baseUri = URI.create(base);
        String body = "{\"model\":\"" + model + "\",\"prompt\":\"benchmark\",\"parameters\":{\"width\":" + size
                + ",\"height\":" + size + "}}";
        ExecutorService clients = Executors.newFixedThreadPool(inFlight);
        run(clients, host, token, body, warmUp);
        long started = System.nanoTime();
        ConcurrentLinkedQueue<JsonNode> finished = run(clients, host, token, body, jobs);
        double seconds = (System.nanoTime() - started) / 1e9;
        clients.shutdown();
        List<Long> queueMillis = new ArrayList<>();
        int failed = 0;
        for (JsonNode job : finished) {
            if (!"SUCCEEDED".equals(job.path("status").asText())) {
                failed++;
                continue;
            }
            queueMillis.add(Duration.between(Instant.parse(job.path("created_at").asText()),
                    Instant.parse(job.path("started_at").asText())).toMillis());
        }
        Collections.sort(queueMillis);
        System.out.printf("jobs_per_second=%.2f queue_p50_ms=%d queue_p99_ms=%d not_succeeded=%d%n",
                jobs / seconds, percentile(queueMillis, 50), percentile(queueMillis, 99), failed);
    }

    /** Runs {@code jobs} generations on the clients' threads, as many at once as there are threads. */
    private static ConcurrentLinkedQueue<JsonNode> run(ExecutorService clients, String host, String token, String body,
            int jobs) throws Exception {
        ConcurrentLinkedQueue<JsonNode> finished = new ConcurrentLinkedQueue<>();
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            futures.add(clients.submit(() -> {
                finished.add(runOne(host, token, body));
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> future : futures) {
            future.get(); // a refused submit stops the run with its reason
        }
        return finished;
    }

    // Submits one generation and follows its events until it ends; returns the final job.
    private static JsonNode runOne(String host, String token, String body)
            throws Exception {
        OneWritePost connection = POSTS.get();
        OneWritePost.Answer submitted = connection.post("/api/v1/generations", host, "Bearer " + token, body);
        if (submitted.status() != 202) {
            throw new IllegalStateException("submit answered " + submitted.status() + ": " + submitted.body());
        }
        String id = JSON.readTree(submitted.body()).path("id").asText();
        OneWritePost.Answer events = connection.get("/api/v1/generations/" + id + "/events", host,
                "Bearer " + token, "text/event-stream");
        if (events.status() != 200) {
            throw new IllegalStateException("events of " + id + " answered " + events.status());
        }
        // The stream ends with the job: its last data line is the done event's whole job.
        String last = null;
        for (String line : events.body().split("\n")) {
            if (line.startsWith("data: ")) {
                last = line.substring(6);
            }
        }
        return JSON.readTree(last);
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
