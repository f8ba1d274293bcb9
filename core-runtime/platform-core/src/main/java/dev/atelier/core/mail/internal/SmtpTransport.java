package dev.atelier.core.mail.internal;

import dev.atelier.core.mail.MailDeliveryException;
import dev.atelier.core.mail.MailMessage;
import dev.atelier.core.mail.MailTransport;
import dev.atelier.core.mail.SmtpSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** Sends through an SMTP server with Angus Mail, one connection per message. */
public final class SmtpTransport implements MailTransport {

    private final SmtpSettings settings;
    private final String protocol;
    private final Session session;

    public SmtpTransport(SmtpSettings settings) {
        this.settings = settings;
        this.protocol = settings.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp";
        this.session = Session.getInstance(properties(settings, protocol));
    }

    private static Properties properties(SmtpSettings settings, String protocol) {
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.setProperty(prefix + "host", settings.host());
        properties.setProperty(prefix + "port", Integer.toString(settings.port()));
        properties.setProperty(prefix + "connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        properties.setProperty(prefix + "timeout", Long.toString(settings.readTimeout().toMillis()));
        properties.setProperty(prefix + "writetimeout", Long.toString(settings.readTimeout().toMillis()));
        properties.setProperty(prefix + "auth", Boolean.toString(!settings.username().isEmpty()));
        switch (settings.security()) {
            case STARTTLS -> {
                properties.setProperty(prefix + "starttls.enable", "true");
                // Without this a server (or attacker) that hides STARTTLS would get the password in the clear.
                properties.setProperty(prefix + "starttls.required", "true");
                properties.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case TLS -> {
                properties.setProperty(prefix + "ssl.enable", "true");
                properties.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case NONE -> { }
        }
        return properties;
    }

    @Override
    public void send(MailMessage message, String messageId) throws MailDeliveryException {
        try {
            MimeMessage mime = MimeMessages.build(session, message, messageId);
            try (Transport transport = session.getTransport(protocol)) {
                transport.connect(settings.host(), settings.port(),
                        settings.username().isEmpty() ? null : settings.username(),
                        settings.username().isEmpty() ? null : settings.password());
                transport.sendMessage(mime, mime.getAllRecipients());
            }
        } catch (MessagingException e) {
            throw new MailDeliveryException("SMTP server " + settings.host() + ":" + settings.port()
                    + " did not accept the message: " + MimeMessages.describe(e), e);
        }
    }

    @Override
    public String toString() {
        return "SMTP " + settings;
    }
}
