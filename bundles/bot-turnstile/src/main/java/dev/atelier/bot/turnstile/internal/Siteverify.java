package dev.atelier.bot.turnstile.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Asks Cloudflare's siteverify about one token: a form POST of {@code secret}, {@code response}, {@code remoteip} and
 * {@code idempotency_key}, answered with JSON.
 */
final class Siteverify {

    private final Supplier<HttpClient> http;

    /** With the client to ask through, got at each question (the supplier may build it at the first). */
    Siteverify(Supplier<HttpClient> http) {
        this.http = http;
    }

    /**
     * The answer for {@code token}, within the settings' time-out. A request that fails before reaching Cloudflare is
     * sent once more with the same idempotency key, which siteverify answers as the first one, never as a reuse.
     *
     * @throws HttpTimeoutException when siteverify did not answer in time
     * @throws IOException when it could not be reached, or answered other than 200 with its JSON
     */
    SiteverifyAnswer ask(String token, String clientIp, TurnstileSettings settings)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("secret", settings.secretKey());
        form.put("response", token);
        if (clientIp != null && !clientIp.isBlank()) {
            form.put("remoteip", clientIp);
        }
        form.put("idempotency_key", UUID.randomUUID().toString());
        HttpRequest request = HttpRequest.newBuilder(settings.siteverifyUrl())
                .timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.get().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            response = http.get().send(request, HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != 200) {
            throw new IOException("siteverify answered HTTP " + response.statusCode());
        }
        return SiteverifyAnswer.parse(response.body());
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
