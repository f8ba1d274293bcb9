package dev.atelier.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on loopback that receives the platform's mail. It may start after the platform, on
 * the port the platform was told, to show what happens while mail cannot be delivered.
 */
public final class Mailbox {

    /** How often the platform's outbox is polled in tests. */
    public static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ServerSetup smtp;
    private GreenMail server;

    Mailbox(int port) {
        this.smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    }

    /** The platform settings that send its mail here. */
    Map<String, String> settings() {
        return Map.of(
                "atelier.mail.smtp.host", "127.0.0.1",
                "atelier.mail.smtp.port", Integer.toString(smtp.getPort()),
                "atelier.mail.smtp.tls", "none",
                "atelier.mail.poll-interval", POLL.toMillis() + "ms");
    }

    /** Starts the server (again nothing if it runs). */
    public synchronized void start() {
        if (server == null) {
            server = new GreenMail(smtp);
            server.start();
        }
    }

    synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every message received so far, oldest first. */
    public synchronized List<Mail> all() {
        return server == null ? List.of() : Arrays.stream(server.getReceivedMessages()).map(Mail::of).toList();
    }

    public List<Mail> to(String address) {
        return all().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    /** The messages to {@code address} whose subject is {@code subject}, oldest first. */
    public List<Mail> to(String address, String subject) {
        return to(address).stream().filter(m -> m.subject().equals(subject)).toList();
    }

    /** Waits until {@code count} messages to {@code address} have the subject {@code subject}; returns them. */
    public List<Mail> waitFor(String address, String subject, int count) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> to(address, subject).size() >= count);
        return to(address, subject);
    }

    /** Waits for the one message to {@code address} whose subject is {@code subject}. */
    public Mail awaitOne(String address, String subject) {
        List<Mail> matching = waitFor(address, subject, 1);
        assertThat(matching).as("mails \"%s\" to %s", subject, address).hasSize(1);
        return matching.get(0);
    }
}
