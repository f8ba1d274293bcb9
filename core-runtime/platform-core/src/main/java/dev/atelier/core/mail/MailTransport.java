package dev.atelier.core.mail;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.Keys;
import dev.atelier.core.mail.internal.FileTransport;
import dev.atelier.core.mail.internal.SmtpTransport;
import java.nio.file.Path;

/** Hands one message on towards its recipient. Implementations are thread-safe. */
public interface MailTransport {

    /**
     * Sends the message, returning only once the next hop (SMTP server, file) has accepted it.
     *
     * @param messageId the outbox id of the message; becomes its {@code Message-ID}, so a copy sent twice after a
     *                  crash can be recognised as the same message
     * @throws MailDeliveryException if it was not accepted; the message should be tried again later
     */
    void send(MailMessage message, String messageId) throws MailDeliveryException;

    /** Sends through an SMTP server. */
    static MailTransport smtp(SmtpSettings settings) {
        return new SmtpTransport(settings);
    }

    /** Writes each message as an RFC 822 {@code .eml} file into {@code folder} (created when missing). */
    static MailTransport files(Path folder) {
        return new FileTransport(folder);
    }

    /**
     * The transport the configuration asks for: SMTP when {@code atelier.mail.smtp.host} is set, else {@code .eml}
     * files in {@code atelier.mail.dir} resolved against the data dir.
     */
    static MailTransport fromConfig(AtelierConfig config) {
        String host = config.get(Keys.MAIL_SMTP_HOST).strip();
        if (host.isEmpty()) {
            return files(config.path(Keys.DATA_DIR).resolve(config.get(Keys.MAIL_DIR)).normalize());
        }
        return smtp(SmtpSettings.of(host, config.get(Keys.MAIL_SMTP_PORT),
                SmtpSettings.Security.parse(config.get(Keys.MAIL_SMTP_TLS)))
                .withCredentials(config.get(Keys.MAIL_SMTP_USERNAME), config.get(Keys.MAIL_SMTP_PASSWORD)));
    }
}
