package dev.atelier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * The client side of the idle-latency benchmark: on an otherwise idle platform, submits one small generation at a time
 * through the JSON API, follows its progress stream and waits for its {@code done} event, {@code N} times. For each it
 * takes the client's time from sending the submit to receiving {@code done}, and subtracts the job's own run
 * ({@code started_at} → {@code finished_at}: the worker's claim to its settlement, the model's call with storing the
 * output and its thumbnail); what remains is the platform's path around the run: the submit's request and
 * transaction, waking a worker and its claim, the settlement's notification and the stream's read and write.
 * Prints p50/p99 of the total, of the run and of the remainder.
 * Usage: IdleLatency BASE_URL HOST TOKEN N SIZE
 */
public final class IdleLatency {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String host = args[1];
        String token = args[2];
        int n = Integer.parseInt(args[3]);
        int size = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String body = "{\"model\":\"procedural\",\"prompt\":\"idle latency\",\"parameters\":{\"width\":" + size
                + ",\"height\":" + size + "}}";
        List<Long> totals = new ArrayList<>();
        List<Long> runs = new ArrayList<>();
        List<Long> rest = new ArrayList<>();
        List<Long> submits = new ArrayList<>();
        List<Long> queued = new ArrayList<>();
        List<Long> delivered = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long sent = System.nanoTime();
            HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/generations")).header("Host", host).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (submitted.statusCode() != 202) {
                throw new IllegalStateException("submit answered " + submitted.statusCode() + ": "
                        + submitted.body());
            }
            submits.add((System.nanoTime() - sent) / 1000);
            String id = JSON.readTree(submitted.body()).path("id").asText();
            JsonNode job = follow(http, base, host, token, id);
            long total = (System.nanoTime() - sent) / 1000;
            Instant arrived = Instant.now();
            if (!"SUCCEEDED".equals(job.path("status").asText())) {
                throw new IllegalStateException("job " + id + " ended " + job.path("status").asText());
            }
            long run = Duration.between(Instant.parse(job.path("started_at").asText()),
                    Instant.parse(job.path("finished_at").asText())).toNanos() / 1000;
            queued.add(micros(job.path("created_at"), job.path("started_at")));
            delivered.add(Duration.between(Instant.parse(job.path("finished_at").asText()), arrived).toNanos()
                    / 1000);
            totals.add(total);
            runs.add(run);
            rest.add(total - run);
            Thread.sleep(200); // idle between jobs: each one meets a platform with nothing to do
        }
        System.out.printf("n=%d size=%d submit->done ms: p50=%.1f p99=%.1f | run (started->finished) ms: p50=%.1f"
                + " p99=%.1f | submit->done minus run ms: p50=%.1f p99=%.1f%n", n, size, p(totals, 50),
                p(totals, 99), p(runs, 50), p(runs, 99), p(rest, 50), p(rest, 99));
        System.out.printf("  of which, p50 ms: submit answered %.1f, created->started %.1f, finished->done event"
                + " %.1f%n", p(submits, 50), p(queued, 50), p(delivered, 50));
    }

    private static JsonNode follow(HttpClient http, String base, String host, String token, String id)
            throws Exception {
        HttpResponse<Stream<String>> events = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/generations/"
                + id + "/events")).header("Host", host).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        if (events.statusCode() != 200) {
            throw new IllegalStateException("events of " + id + " answered " + events.statusCode());
        }
        boolean doneNext = false;
        for (String line : (Iterable<String>) events.body()::iterator) {
            if (line.equals("event: done")) {
                doneNext = true;
            } else if (doneNext && line.startsWith("data: ")) {
                events.body().close();
                return JSON.readTree(line.substring(6));
            }
        }
        throw new IllegalStateException("the stream of " + id + " ended without done");
    }

    private static long micros(JsonNode from, JsonNode to) {
        return Duration.between(Instant.parse(from.asText()), Instant.parse(to.asText())).toNanos() / 1000;
    }

    private static double p(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1))
                / 1000.0;
    }
}
