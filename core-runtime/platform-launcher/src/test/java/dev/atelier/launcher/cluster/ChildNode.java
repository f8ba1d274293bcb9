package dev.atelier.launcher.cluster;

import static org.awaitility.Awaitility.await;

import dev.atelier.launcher.Main;
import dev.atelier.launcher.platform.TestPlatform;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A node of a test platform's cluster running as {@code atelier start} in a process of its own, so that a test can
 * kill it with SIGKILL ({@link #kill()}) as a crash or the OOM killer would: no shutdown hook, no hand-back, no
 * goodbye to the database.
 */
final class ChildNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    /** Kills the node if the test JVM exits first (a test stopped by a timeout), so no node outlives its test. */
    private final Thread reaper;

    private ChildNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.reaper = new Thread(process::destroyForcibly, "kill-node-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts {@code atelier start --role role} beside the platform, on the test's own class path, and returns at once;
     * {@link #awaitReady} waits for it. Its output goes to a log file in the platform's home.
     */
    static ChildNode start(TestPlatform platform, String name, String role, Map<String, String> changed)
            throws IOException {
        int port = freePort();
        Map<String, String> settings = new HashMap<>(changed);
        settings.put("atelier.http.port", Integer.toString(port));
        settings.put("atelier.node.role", role);
        // The class path can be long; an argument file keeps the command line short.
        Path classPath = platform.home().resolve("classpath-" + name + ".txt");
        Files.writeString(classPath, "-cp \"" + System.getProperty("java.class.path") + "\"\n");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A node of a test runs sleeping models: C1 alone and one GC thread start it sooner on a busy machine.
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "@" + classPath, Main.class.getName(), "start"));
        command.addAll(platform.anotherNodeOptions(name, settings));
        Path log = platform.home().resolve("node-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new ChildNode(name, port, process, log);
    }

    /** Waits until the node answers 200 on {@code /readyz} with {@code models} models deployed. */
    ChildNode awaitReady(Duration patience, int models) {
        try {
            await().atMost(patience).pollInterval(Duration.ofMillis(200))
                    .failFast("the process exited", () -> !process.isAlive())
                    .until(() -> ready(models));
        } catch (RuntimeException | AssertionError e) {
            String log = log();
            throw new AssertionError("node " + name + " did not become ready; the end of its log:\n"
                    + log.substring(Math.max(0, log.length() - 4000)), e);
        }
        return this;
    }

    private boolean ready(int models) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/readyz")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains(models + " models deployed");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    int port() {
        return port;
    }

    /** The node's output so far, for a failure message. */
    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL: the process ends at once, whatever it was doing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException exiting) {
            // The JVM is already exiting: the hook has run or is running.
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
