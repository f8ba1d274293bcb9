package dev.atelier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The client side of the idle-latency benchmark: on an otherwise idle platform, submits one small generation at a time
 * through the JSON API, follows its progress stream and waits for its {@code done} event, {@code N} times. For each it
 * takes the client's time from sending the submit to receiving {@code done}, and subtracts the job's own run
 * ({@code started_at} → {@code finished_at}: the worker's claim to its settlement, the model's call with storing the
 * output and its thumbnail); what remains is the platform's path around the run: the submit's request and
 * transaction, waking a worker and its claim, the settlement's notification and the stream's read and write.
 * Prints p50/p99 of the total, of the run and of the remainder.
 * Usage: IdleLatency BASE_URL HOST TOKEN N SIZE [PAUSE_MS]   (PAUSE_MS between jobs, default 200; a warm-up runs
 * with 0)
 */
public final class IdleLatency {

    private static final ObjectMapper JSON = new ObjectMapper();
    // A done event is whole once its data line ended: "event: done\ndata: {...}\n".
    private static final String DONE_DATA = "event: done\ndata: ";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String host = args[1];
        String token = args[2];
        int n = Integer.parseInt(args[3]);
        int size = Integer.parseInt(args[4]);
        long pauseMillis = args.length > 5 ? Long.parseLong(args[5]) : 200;
        // One kept-alive connection, each request in one write and each answer read through a buffer (OneWritePost):
        // what is measured is the platform, not the JDK client's way of writing a POST in two packets.
        OneWritePost http = new OneWritePost(URI.create(base));
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
            OneWritePost.Answer submitted = http.post("/api/v1/generations", host, "Bearer " + token, body);
            if (submitted.status() != 202) {
                throw new IllegalStateException("submit answered " + submitted.status() + ": " + submitted.body());
            }
            submits.add((System.nanoTime() - sent) / 1000);
            String id = JSON.readTree(submitted.body()).path("id").asText();
            OneWritePost.Answer events = http.get("/api/v1/generations/" + id + "/events", host, "Bearer " + token,
                    "text/event-stream", DONE_DATA);
            if (events.status() != 200 || events.markedAt() < 0) {
                throw new IllegalStateException("events of " + id + " answered " + events.status()
                        + (events.markedAt() < 0 ? " without a done event" : ""));
            }
            long total = (events.markedAt() - sent) / 1000;
            // The wall-clock moment done arrived: now, less the time since it was read.
            Instant arrived = Instant.now().minusNanos(System.nanoTime() - events.markedAt());
            JsonNode job = done(events.body());
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
            Thread.sleep(pauseMillis); // idle between jobs: each one meets a platform with nothing to do
        }
        System.out.printf("n=%d size=%d submit->done ms: p50=%.1f p99=%.1f | run (started->finished) ms: p50=%.1f"
                + " p99=%.1f | submit->done minus run ms: p50=%.1f p99=%.1f%n", n, size, p(totals, 50),
                p(totals, 99), p(runs, 50), p(runs, 99), p(rest, 50), p(rest, 99));
        System.out.printf("  of which, p50 ms: submit answered %.1f, created->started %.1f, finished->done event"
                + " %.1f%n", p(submits, 50), p(queued, 50), p(delivered, 50));
    }

    // The done event's data: the whole job.
    private static JsonNode done(String stream) throws IOException {
        String[] lines = stream.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].equals("event: done") && lines[i + 1].startsWith("data: ")) {
                return JSON.readTree(lines[i + 1].substring(6));
            }
        }
        throw new IllegalStateException("the stream ended without done");
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
