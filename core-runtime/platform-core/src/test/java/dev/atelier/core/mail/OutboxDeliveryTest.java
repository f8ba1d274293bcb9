package dev.atelier.core.mail;

import dev.atelier.core.db.StartedDatabase;
import dev.atelier.testkit.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.atelier.core.db.Database;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(StartedDatabase.class)
class OutboxDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final List<AutoCloseable> started = new ArrayList<>();
    private Database database;
    private MailOutbox outbox;

    @BeforeEach
    void start(Database database) {
        this.database = database;
        outbox = new MailOutbox(database.dataSource());
    }

    @AfterEach
    void stopWorkers() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void deliversTextAndHtmlFromTheTenantsNameWithAUnicodeSubject() throws Exception {
        String id = outbox.enqueue(new MailMessage("auratuner", "AuraTuner Support", "support@auratuner.example",
                "ada@example.com", "Bienvenue chez AuraTuner ✨", "Welcome, Ada.", "<p>Welcome, <b>Ada</b>.</p>"),
                "welcome:ada");
        OutboxSender sender = sender(smtpTo(greenMail.getSmtp().getPort()), RetryPolicy.standard(), 10);

        sender.start();

        await().atMost(PATIENCE).until(() -> greenMail.getReceivedMessages().length == 1);
        MimeMessage received = greenMail.getReceivedMessages()[0];
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("AuraTuner Support");
        assertThat(from.getAddress()).isEqualTo("support@auratuner.example");
        assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("ada@example.com");
        assertThat(received.getSubject()).isEqualTo("Bienvenue chez AuraTuner ✨");
        assertThat(received.getMessageID()).isEqualTo("<" + id + "@auratuner.example>");
        Multipart alternative = (Multipart) received.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        BodyPart text = alternative.getBodyPart(0);
        BodyPart html = alternative.getBodyPart(1);
        assertThat(text.isMimeType("text/plain")).isTrue();
        assertThat(text.getContent()).isEqualTo("Welcome, Ada.");
        assertThat(html.isMimeType("text/html")).isTrue();
        assertThat(html.getContent()).isEqualTo("<p>Welcome, <b>Ada</b>.</p>");
        await().atMost(PATIENCE).until(() -> outbox.find(id).orElseThrow().status() == OutboxEntry.Status.SENT);
    }

    @Test
    void keepsMailWhileTheServerIsDownAndDeliversItExactlyOnceWhenItIsBack() throws Exception {
        int port = freePort();
        GreenMail lateServer = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        started.add(lateServer::stop);
        OutboxSender sender = sender(smtpTo(port), new RetryPolicy(List.of(Duration.ofMillis(200)), 1000), 10);
        sender.start();

        String id = outbox.enqueue(message("ada@example.com", "Verify your email"), "verify:ada");

        await().atMost(PATIENCE).until(() -> outbox.find(id).orElseThrow().attempts() >= 2);
        OutboxEntry waiting = outbox.find(id).orElseThrow();
        assertThat(waiting.status()).isEqualTo(OutboxEntry.Status.PENDING);
        assertThat(waiting.lastError()).contains("127.0.0.1:" + port);

        lateServer.start();

        await().atMost(PATIENCE).until(() -> outbox.find(id).orElseThrow().status() == OutboxEntry.Status.SENT);
        sender.close();
        assertThat(sender.sendDue()).isZero();
        assertThat(lateServer.getReceivedMessages()).hasSize(1);
        assertThat(lateServer.getReceivedMessages()[0].getSubject()).isEqualTo("Verify your email");
    }

    @Test
    void storesAMessageOnceForARepeatedIdempotencyKey() throws Exception {
        String first = outbox.enqueue(message("ada@example.com", "Reset your password"), "reset:ada:1");
        String second = outbox.enqueue(message("ada@example.com", "Reset your password (again)"), "reset:ada:1");

        assertThat(second).isEqualTo(first);
        assertThat(rows()).isEqualTo(1);
        sender(smtpTo(greenMail.getSmtp().getPort()), RetryPolicy.standard(), 10).sendDue();
        assertThat(greenMail.getReceivedMessages()).extracting(MimeMessage::getSubject)
                .containsExactly("Reset your password");
    }

    @Test
    void sendsNothingWhenTheCallersTransactionRollsBack() throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            outbox.enqueue(connection, message("ada@example.com", "Welcome"), "welcome:ada");
            connection.rollback();
            connection.setAutoCommit(true);
        }

        assertThat(rows()).isZero();
        assertThat(sender(smtpTo(greenMail.getSmtp().getPort()), RetryPolicy.standard(), 10).sendDue()).isZero();
    }

    @Test
    void twoSendersOnTheSameDatabaseDeliverEachMessageOnce() throws Exception {
        int count = 40;
        for (int i = 0; i < count; i++) {
            outbox.enqueue(message("user" + i + "@example.com", "Message " + i), "bulk:" + i);
        }
        MailTransport smtp = smtpTo(greenMail.getSmtp().getPort());
        OutboxSender one = sender(smtp, RetryPolicy.standard(), 3);
        OutboxSender two = sender(smtp, RetryPolicy.standard(), 3);

        one.start();
        two.start();

        await().atMost(PATIENCE).until(() -> pendingRows() == 0);
        one.close();
        two.close();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(count);
        Set<String> subjects = Arrays.stream(received).map(OutboxDeliveryTest::subject).collect(Collectors.toSet());
        assertThat(subjects).hasSize(count);
    }

    @Test
    void backsOffBetweenAttemptsAndMarksTheMessageFailedWithTheErrorAfterTheLast() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
        outbox = new MailOutbox(database.dataSource(), clock);
        int port = freePort();
        OutboxSender sender = new OutboxSender(database.dataSource(), smtpTo(port), POLL,
                new RetryPolicy(List.of(Duration.ofSeconds(10), Duration.ofSeconds(30)), 3), clock, 10);
        String id = outbox.enqueue(message("ada@example.com", "Welcome"), "welcome:ada");

        assertThat(sender.sendDue()).isEqualTo(1);
        OutboxEntry afterFirst = outbox.find(id).orElseThrow();
        assertThat(afterFirst.attempts()).isEqualTo(1);
        assertThat(afterFirst.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(10));
        assertThat(sender.sendDue()).as("not due again before its backoff").isZero();

        clock.advance(Duration.ofSeconds(10));
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(outbox.find(id).orElseThrow().nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));

        clock.advance(Duration.ofSeconds(30));
        assertThat(sender.sendDue()).isEqualTo(1);
        OutboxEntry failed = outbox.find(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(OutboxEntry.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.failedAt()).isEqualTo(clock.instant());
        assertThat(failed.lastError()).contains("127.0.0.1:" + port).contains("did not accept the message");

        clock.advance(Duration.ofHours(1));
        assertThat(sender.sendDue()).as("a failed message is not tried again").isZero();
    }

    @Test
    void signsInToTheSmtpServerWithTheConfiguredCredentials() throws Exception {
        greenMail.setUser("mailer", "mailer", "correct horse");
        int port = greenMail.getSmtp().getPort();
        SmtpSettings settings = SmtpSettings.of("127.0.0.1", port, SmtpSettings.Security.NONE);
        String wrong = outbox.enqueue(message("ada@example.com", "Wrong password"), "auth:wrong");
        sender(MailTransport.smtp(settings.withCredentials("mailer", "battery staple")), RetryPolicy.standard(), 10)
                .sendDue();
        String right = outbox.enqueue(message("ada@example.com", "Right password"), "auth:right");

        sender(MailTransport.smtp(settings.withCredentials("mailer", "correct horse")), RetryPolicy.standard(), 10)
                .sendDue();

        assertThat(outbox.find(wrong).orElseThrow().status()).isEqualTo(OutboxEntry.Status.PENDING);
        assertThat(outbox.find(wrong).orElseThrow().lastError()).doesNotContain("battery staple");
        assertThat(outbox.find(right).orElseThrow().status()).isEqualTo(OutboxEntry.Status.SENT);
        assertThat(greenMail.getReceivedMessages()).extracting(MimeMessage::getSubject)
                .containsExactly("Right password");
    }

    private OutboxSender sender(MailTransport transport, RetryPolicy policy, int batchSize) {
        OutboxSender sender = new OutboxSender(database.dataSource(), transport, POLL, policy, Clock.systemUTC(),
                batchSize);
        started.add(sender);
        return sender;
    }

    private static MailTransport smtpTo(int port) {
        return MailTransport.smtp(SmtpSettings.of("127.0.0.1", port, SmtpSettings.Security.NONE)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)));
    }

    static MailMessage message(String to, String subject) {
        return new MailMessage("auratuner", "AuraTuner", "support@auratuner.example", to, subject,
                "Hello from AuraTuner.", "<p>Hello from <b>AuraTuner</b>.</p>");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int rows() throws SQLException {
        return count("SELECT count(*) FROM mail_outbox");
    }

    private int pendingRows() throws SQLException {
        return count("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL");
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
