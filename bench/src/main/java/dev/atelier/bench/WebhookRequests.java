package dev.atelier.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes {@code count} signed sandbox payment webhooks for {@code bench/webhook.lua} to post with wrk: each a top-up
 * paid by one of the comma-separated {@code customers} in turn, with its own event and payment id (prefixed with
 * {@code run}), signed Standard-Webhooks style with {@code secret} and timestamped now (the sandbox accepts five
 * minutes either way). One webhook per line: {@code webhook-id TAB webhook-timestamp TAB webhook-signature TAB body}.
 * Usage: {@code WebhookRequests <file> <whsec_ secret> <customers> <offer> <count> <run>}.
 */
public final class WebhookRequests {

    private WebhookRequests() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        byte[] key = Base64.getDecoder().decode(args[1].substring("whsec_".length()));
        String[] customers = args[2].split(",");
        String offer = args[3];
        int count = Integer.parseInt(args[4]);
        String run = args[5];
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                String n = run + "_" + i;
                String id = "evt_bench_" + n;
                Instant now = Instant.now();
                String body = "{\"events\": [{\"id\": \"" + id + "\", \"type\": \"payment.succeeded\", \"created\": \""
                        + now + "\", \"customer\": \"" + customers[i % customers.length] + "\", \"payment\":"
                        + " \"pay_bench_" + n + "\", \"amount\": 100, \"currency\": \"usd\", \"offer\": \"" + offer
                        + "\"}]}";
                String timestamp = Long.toString(now.getEpochSecond());
                mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
                String signature = "v1," + Base64.getEncoder().encodeToString(
                        mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
                out.write(id + "\t" + timestamp + "\t" + signature + "\t" + body + "\n");
            }
        }
    }
}
