package dev.atelier.launcher;

import dev.atelier.launcher.platform.Browser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Calls one URL over and over on a background thread, as traffic would during a deployment, and keeps every failure:
 * a status other than 200, an exception, or (while an expectation is set) a body that does not satisfy it.
 */
final class RequestLoop implements AutoCloseable {

    private final Browser client;
    private final String path;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private volatile Predicate<String> expectation = body -> true;
    private final Thread thread;

    RequestLoop(Browser client, String path) {
        this.client = client;
        this.path = path;
        this.thread = new Thread(this::loop, "request-loop " + path);
        thread.start();
    }

    /** From now on, every successful body must satisfy {@code expectation}. */
    void expect(Predicate<String> expectation) {
        this.expectation = expectation;
    }

    int requests() {
        return requests.get();
    }

    List<String> failures() {
        return failures;
    }

    private void loop() {
        while (running.get()) {
            try {
                HttpResponse<String> response = client.get(path);
                requests.incrementAndGet();
                if (response.statusCode() != 200) {
                    failures.add(response.statusCode() + " " + response.body());
                } else if (!expectation.test(response.body())) {
                    failures.add("unexpected body " + response.body());
                }
            } catch (Exception e) {
                failures.add(e.toString());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
