package dev.atelier.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Webhook intake: {@code warmup} then {@code events} sandbox payment webhooks, each a top-up paid by one of the
 * comma-separated {@code customers} in turn with its own event and payment id, signed Standard-Webhooks style with
 * {@code secret}, posted {@code concurrency} at a time to {@code url} (with {@code Host: host}). Prints the timed
 * events per second and how many of all were not answered 200. Usage:
 * {@code WebhookLoad <url> <host> <whsec_ secret> <customers> <offer> <events> <concurrency> <warmup>}.
 */
public final class WebhookLoad {

    // One per sending thread: looking the algorithm up per request costs the client time the platform should get.
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private WebhookLoad() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String host = args[1];
        byte[] key = Base64.getDecoder().decode(args[2].substring("whsec_".length()));
        String[] customers = args[3].split(",");
        String offer = args[4];
        int events = Integer.parseInt(args[5]);
        int concurrency = Integer.parseInt(args[6]);
        int warmup = Integer.parseInt(args[7]);
        // Jetty's client, HTTP/1.1 as payment providers post, one connection per sender kept alive. It writes a
        // request's head and body together: the JDK's client sent them apart, and the server's wait for the body
        // (about 10 ms per request on loopback) made the client, not the platform, the limit.
        HttpClient http = new HttpClient();
        http.setMaxConnectionsPerDestination(concurrency);
        http.start();
        String run = Long.toHexString(System.nanoTime());
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        Post post = i -> {
            try {
                ContentResponse answer = request(http, url, host, key, customers[i % customers.length], offer,
                        run + "_" + i).send();
                if (answer.getStatus() != 200) {
                    refused.incrementAndGet();
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // Counted, not fatal: one failed request must not stop the run (nor leave its threads waiting).
                refused.incrementAndGet();
            }
        };
        try {
            send(pool, concurrency, 0, warmup, post);
            long start = System.nanoTime();
            send(pool, concurrency, warmup, warmup + events, post);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("events_per_second=%.1f events=%d not_ok=%d%n", events / seconds, events,
                    refused.get());
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private interface Post {
        void send(int i) throws Exception;
    }

    /** Posts events {@code from} (inclusive) to {@code to}, {@code concurrency} at a time, and waits for all. */
    private static void send(ExecutorService pool, int concurrency, int from, int to, Post post) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                    post.send(i);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
    }

    private static Request request(HttpClient http, String url, String host, byte[] key, String customer,
            String offer, String n) throws Exception {
        String id = "evt_bench_" + n;
        Instant now = Instant.now();
        byte[] body = ("{\"events\": [{\"id\": \"" + id + "\", \"type\": \"payment.succeeded\", \"created\": \"" + now
                + "\", \"customer\": \"" + customer + "\", \"payment\": \"pay_bench_" + n + "\", \"amount\": 100,"
                + " \"currency\": \"usd\", \"offer\": \"" + offer + "\"}]}").getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(now.getEpochSecond());
        Mac mac = MACS.get();
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        String signature = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        return http.newRequest(url).method(HttpMethod.POST).headers(h -> h.put("Host", host)
                .put("webhook-id", id).put("webhook-timestamp", timestamp).put("webhook-signature", signature))
                .body(new BytesRequestContent("application/json", body));
    }
}
