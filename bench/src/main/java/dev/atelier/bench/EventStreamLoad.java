package dev.atelier.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The client side of the event-stream benchmark. Submits {@code JOBS} generations to a platform whose workers are off
 * (so they stay queued), opens {@code PER_JOB} progress streams on each with {@link RawStreams} (plain HTTP/1.1 over
 * non-blocking sockets on one selector thread, so that reading thousands of connections costs the client little),
 * reads the platform's resident memory and threads from {@code /proc/PID/status}, then ends the jobs one after another
 * (cancel through the API: the same change signal a worker's settlement sends) and measures, for every stream, the
 * time from the job's {@code finished_at} (set by the platform when it settles the job, before its commit) to the
 * arrival of the stream's {@code done} event.
 * Usage: EventStreamLoad BASE_URL HOST TOKEN JOBS PER_JOB PLATFORM_PID
 */
public final class EventStreamLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    // Between two cancels: each job's fan-out is measured on its own rather than queued behind the previous one.
    private static final long CANCEL_GAP_MILLIS = 20;

    private EventStreamLoad() {
    }

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception e) {
            // Exits even so: the selector thread would otherwise keep the process, and the script, waiting.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String host = args[1];
        String token = args[2];
        int jobs = Integer.parseInt(args[3]);
        int perJob = Integer.parseInt(args[4]);
        String pid = args[5];
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            ids.add(submit(http, base, host, token));
        }
        System.out.println("idle: " + procStatus(pid));
        List<String> paths = new ArrayList<>();
        for (int s = 0; s < jobs * perJob; s++) {
            paths.add("/api/v1/generations/" + ids.get(s % jobs) + "/events");
        }
        RawStreams streams = new RawStreams(new InetSocketAddress(base.getHost(), base.getPort()), host, token, paths);
        Thread reader = new Thread(streams, "event-streams-selector");
        reader.setDaemon(true);
        reader.setUncaughtExceptionHandler((thread, failure) -> {
            // Without its reader the run would wait for its streams forever.
            failure.printStackTrace();
            System.exit(1);
        });
        long openStarted = System.nanoTime();
        reader.start();
        streams.awaitOpened();
        double openSeconds = (System.nanoTime() - openStarted) / 1e9;
        // The last answers' headers are in; let the opening comments and first reads settle before reading memory.
        Thread.sleep(3000);
        Map<Integer, Integer> statuses = streams.refusedStatuses();
        System.out.printf("open: %d streams (%d refused%s) in %.1f s; %s%n", paths.size() - streams.refused(),
                streams.refused(), statuses.isEmpty() ? "" : ", answered " + statuses, openSeconds, procStatus(pid));
        long cancelStarted = System.nanoTime();
        List<Long> cancelMicros = new ArrayList<>();
        for (String id : ids) {
            long sent = System.nanoTime();
            cancel(http, base, host, token, id);
            cancelMicros.add((System.nanoTime() - sent) / 1000);
            Thread.sleep(CANCEL_GAP_MILLIS);
        }
        boolean all = streams.awaitEnded(120, TimeUnit.SECONDS);
        double endSeconds = (System.nanoTime() - cancelStarted) / 1e9;
        report(streams.arrivals(), paths.size(), all, endSeconds, cancelMicros);
        Thread.sleep(2000);
        System.out.println("after: " + procStatus(pid));
    }

    private static void report(List<long[]> arrivals, int total, boolean all, double endSeconds,
            List<Long> cancelMicros) {
        List<Long> sorted = new ArrayList<>();
        Map<Long, long[]> spreads = new HashMap<>();
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
    }

    private static String submit(HttpClient http, URI base, String host, String token) throws Exception {
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/generations"))
                .header("Host", host).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"procedural\",\"prompt\":\"streams\",\"parameters\":{\"width\":64,"
                                + "\"height\":64}}")).build(), HttpResponse.BodyHandlers.ofString());
        if (submitted.statusCode() != 202) {
            throw new IllegalStateException("submit answered " + submitted.statusCode() + ": " + submitted.body());
        }
        return JSON.readTree(submitted.body()).path("id").asText();
    }

    private static void cancel(HttpClient http, URI base, String host, String token, String id) throws Exception {
        HttpResponse<String> canceled = http.send(HttpRequest.newBuilder(
                base.resolve("/api/v1/generations/" + id + "/cancel")).header("Host", host)
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (canceled.statusCode() != 200) {
            throw new IllegalStateException("cancel answered " + canceled.statusCode() + ": " + canceled.body());
        }
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

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
