package dev.atelier.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.ConfigSources;
import dev.atelier.core.db.Database;
import dev.atelier.core.db.DatabaseSettings;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgresExtension;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPostgresExtension.class)
class FileTransportTest {

    @TempDir
    Path home;

    @Test
    void writesEachMessageAsAnEmlFileUnderTheDataDirWhenNoSmtpHostIsConfigured(TestDatabase testDatabase)
            throws Exception {
        AtelierConfig config = AtelierConfig.load(ConfigSources.standard(home, Map.of(), Map.of()));
        MailTransport transport = MailTransport.fromConfig(config);
        try (Database database = Database.start(DatabaseSettings.external(testDatabase.url(), testDatabase.user(),
                testDatabase.password(), 2))) {
            MailOutbox outbox = new MailOutbox(database.dataSource());
            String id = outbox.enqueue(new MailMessage(null, "Atelier Operators", "ops@atelier.example",
                    "ada@example.com", "Votre compte ✨", "Plain text.", "<p>HTML</p>"), "ops:1");
            OutboxSender sender = new OutboxSender(database.dataSource(), transport, Duration.ofSeconds(1),
                    RetryPolicy.standard(), Clock.systemUTC(), 10);

            assertThat(sender.sendDue()).isEqualTo(1);

            Path eml = home.resolve("data").resolve("mail").resolve(id + ".eml");
            assertThat(eml).isRegularFile();
            try (InputStream in = Files.newInputStream(eml)) {
                MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), in);
                assertThat(parsed.getSubject()).isEqualTo("Votre compte ✨");
                assertThat(((InternetAddress) parsed.getFrom()[0]).getPersonal()).isEqualTo("Atelier Operators");
                assertThat(parsed.getRecipients(MimeMessage.RecipientType.TO)).extracting(Object::toString)
                        .containsExactly("ada@example.com");
                Multipart parts = (Multipart) parsed.getContent();
                assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Plain text.");
                assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>HTML</p>");
            }
            assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxEntry.Status.SENT);
            try (var leftovers = Files.list(eml.getParent())) {
                assertThat(leftovers).containsExactly(eml);
            }
        }
    }
}
