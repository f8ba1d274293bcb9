package dev.atelier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of the event-stream benchmark. Submits {@code JOBS} generations to a platform whose workers are off
 * (so they stay queued), opens {@code PER_JOB} progress streams on each, all at once and over non-blocking I/O (the
 * JDK HTTP client on two threads, not one thread per stream), reads the platform's resident memory and threads from
 * {@code /proc/PID/status}, then ends the jobs one after another (cancel through the API: the same change signal a
 * worker's settlement sends) and measures, for every stream, the time from the job's {@code finished_at} (set by the
 * platform when it settles the job, before its commit) to the arrival of the stream's {@code done} event.
 * Usage: EventStreamLoad BASE_URL HOST TOKEN JOBS PER_JOB PLATFORM_PID
 */
public final class EventStreamLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    // Streams being opened at once: as a crowd of browsers arrives, not all in the same millisecond.
    private static final int OPENING_BATCH = 50;
    // Between two cancels: each job's fan-out is measured on its own rather than queued behind the previous one.
    private static final long CANCEL_GAP_MILLIS = 20;

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception e) {
            // Exits even so: the client's threads would otherwise keep the process, and the script, waiting.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        String base = args[0];
        String host = args[1];
        String token = args[2];
        int jobs = Integer.parseInt(args[3]);
        int perJob = Integer.parseInt(args[4]);
        String pid = args[5];
        ExecutorService io = Executors.newFixedThreadPool(2);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).executor(io).build();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            ids.add(submit(http, base, host, token));
        }
        System.out.println("idle: " + procStatus(pid));
        int total = jobs * perJob;
        CountDownLatch done = new CountDownLatch(total);
        ConcurrentLinkedQueue<long[]> arrivals = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        java.util.concurrent.ConcurrentMap<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        List<CompletableFuture<Integer>> opening = new ArrayList<>();
        long openStarted = System.nanoTime();
        for (int s = 0; s < total; s++) {
            String id = ids.get(s % jobs);
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/generations/" + id + "/events"))
                    .header("Host", host).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream").GET().build();
            CompletableFuture<Integer> answered = new CompletableFuture<>();
            opening.add(answered);
            http.sendAsync(request, info -> {
                answered.complete(info.statusCode());
                if (info.statusCode() != 200) {
                    statuses.merge(info.statusCode(), 1, Integer::sum);
                    refused.incrementAndGet();
                    done.countDown();
                    return HttpResponse.BodySubscribers.discarding();
                }
                return HttpResponse.BodySubscribers.fromLineSubscriber(new DoneWatcher(arrivals, done));
            }).whenComplete((response, failure) -> {
                // A failure before the headers never reached a line subscriber, which counts its own end.
                if (failure != null && answered.complete(-1)) {
                    System.err.println("stream failed: " + failure);
                    refused.incrementAndGet();
                    done.countDown();
                }
            });
            if (opening.size() == OPENING_BATCH) {
                awaitHeaders(opening);
            }
        }
        awaitHeaders(opening);
        double openSeconds = (System.nanoTime() - openStarted) / 1e9;
        // The last answers' headers are out; let the opening comments and first reads settle before reading memory.
        Thread.sleep(3000);
        System.out.printf("open: %d streams (%d refused%s) in %.1f s; %s%n", total - refused.get(), refused.get(),
                statuses.isEmpty() ? "" : ", answered " + statuses, openSeconds, procStatus(pid));
        // A client of its own: the submits' pooled connections were closed by the server's idle timeout meanwhile.
        HttpClient control = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        long cancelStarted = System.nanoTime();
        List<Long> cancelMicros = new ArrayList<>();
        for (String id : ids) {
            long sent = System.nanoTime();
            HttpResponse<String> canceled = control.send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/generations/" + id + "/cancel")).header("Host", host)
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (canceled.statusCode() != 200) {
                throw new IllegalStateException("cancel answered " + canceled.statusCode() + ": " + canceled.body());
            }
            cancelMicros.add((System.nanoTime() - sent) / 1000);
            Thread.sleep(CANCEL_GAP_MILLIS);
        }
        boolean all = done.await(120, TimeUnit.SECONDS);
        double endSeconds = (System.nanoTime() - cancelStarted) / 1e9;
        List<Long> sorted = new ArrayList<>();
        java.util.Map<Long, long[]> spreads = new java.util.HashMap<>();
        for (long[] arrival : arrivals) {
            sorted.add(arrival[1] - arrival[0]);
            // Per job (keyed by its finished_at): first and last arrival among its watchers.
            spreads.merge(arrival[0], new long[] {arrival[1], arrival[1]}, (a, b) -> new long[] {
                Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        Collections.sort(sorted);
        List<Long> spread = new ArrayList<>();
        spreads.values().forEach(firstLast -> spread.add(firstLast[1] - firstLast[0]));
        Collections.sort(spread);
        Collections.sort(cancelMicros);
        System.out.printf("done: %d of %d streams got done%s (cancels over %.1f s); finished_at -> done event ms:"
                + " p50=%.1f p99=%.1f max=%.1f%n", sorted.size(), total, all ? "" : " (timed out waiting)",
                endSeconds, percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0,
                sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1) / 1000.0);
        System.out.printf("      a job's first to last watcher ms: p50=%.1f max=%.1f; a cancel request took ms:"
                + " p50=%.1f max=%.1f%n", percentile(spread, 50) / 1000.0,
                spread.isEmpty() ? -1 : spread.get(spread.size() - 1) / 1000.0, percentile(cancelMicros, 50) / 1000.0,
                cancelMicros.get(cancelMicros.size() - 1) / 1000.0);
        Thread.sleep(2000);
        System.out.println("after: " + procStatus(pid));
        io.shutdownNow();
    }

    private static void awaitHeaders(List<CompletableFuture<Integer>> opening) {
        // Completed by the body handler, which the client calls when the headers arrived (sendAsync's own future
        // completes only when the body ends).
        for (CompletableFuture<Integer> future : opening) {
            future.join();
        }
        opening.clear();
    }

    private static String submit(HttpClient http, String base, String host, String token) throws Exception {
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/generations"))
                .header("Host", host).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"procedural\",\"prompt\":\"streams\",\"parameters\":{\"width\":64,"
                                + "\"height\":64}}")).build(), HttpResponse.BodyHandlers.ofString());
        if (submitted.statusCode() != 202) {
            throw new IllegalStateException("submit answered " + submitted.statusCode() + ": " + submitted.body());
        }
        return JSON.readTree(submitted.body()).path("id").asText();
    }

    /** {@code VmRSS} and {@code Threads} of the platform's process. */
    static String procStatus(String pid) throws Exception {
        String rss = "?";
        String threads = "?";
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 + " MiB";
            } else if (line.startsWith("Threads:")) {
                threads = line.substring(8).trim();
            }
        }
        return "rss=" + rss + " threads=" + threads;
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Reads one stream's lines; at its {@code done} event, records how long after the job's end it arrived. */
    private static final class DoneWatcher implements Flow.Subscriber<String> {

        private final ConcurrentLinkedQueue<long[]> arrivals;
        private final CountDownLatch done;
        private boolean doneNext;
        private boolean counted;

        DoneWatcher(ConcurrentLinkedQueue<long[]> arrivals, CountDownLatch done) {
            this.arrivals = arrivals;
            this.done = done;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.equals("event: done")) {
                doneNext = true;
            } else if (doneNext && line.startsWith("data: ")) {
                Instant arrived = Instant.now();
                try {
                    JsonNode job = JSON.readTree(line.substring(6));
                    Instant finished = Instant.parse(job.path("finished_at").asText());
                    arrivals.add(new long[] {micros(finished), micros(arrived)});
                } catch (Exception e) {
                    System.err.println("unreadable done event: " + line);
                }
                count();
            }
        }

        @Override
        public void onError(Throwable failure) {
            System.err.println("stream failed: " + failure);
            count();
        }

        @Override
        public void onComplete() {
            count();
        }

        private void count() {
            if (!counted) {
                counted = true;
                done.countDown();
            }
        }
    }
}
