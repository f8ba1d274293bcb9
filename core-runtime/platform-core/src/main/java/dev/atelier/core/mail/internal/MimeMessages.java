package dev.atelier.core.mail.internal;

import dev.atelier.core.mail.MailMessage;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Builds the MIME form of a {@link MailMessage}: UTF-8 throughout, text + HTML as multipart/alternative. */
public final class MimeMessages {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up through ServiceLoader for every body part it builds and every
        // header it encodes (jakartaee/mail-api issues 699 and 861): a scan of every jar's META-INF/services each time,
        // most of what a message costs to build. Named, the lookup is one Class.forName. An operator's own choice stays.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private MimeMessages() {}

    public static MimeMessage build(Session session, MailMessage message, String messageId) throws MessagingException {
        String domain = message.fromAddress().substring(message.fromAddress().indexOf('@') + 1);
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // Stable across retries, so a copy delivered twice after a crash is recognisably the same message.
                setHeader("Message-ID", "<" + messageId + "@" + domain + ">");
            }
        };
        try {
            mime.setFrom(new InternetAddress(message.fromAddress(), message.fromName(), UTF_8));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
        mime.setSubject(message.subject(), UTF_8);
        mime.setSentDate(new Date());
        if (message.html() == null) {
            mime.setText(message.text(), UTF_8);
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.text(), UTF_8);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html(), UTF_8, "html");
            // Simplest last: clients show the last part they can render.
            mime.setContent(new MimeMultipart("alternative", text, html));
        }
        mime.saveChanges();
        return mime;
    }

    /** The exception and its causes in one line, for the outbox's last_error and logs; never includes credentials. */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 4; depth++, current = current.getCause()) {
            if (depth > 0) {
                text.append(" <- ");
            }
            text.append(current.getClass().getSimpleName());
            if (current.getMessage() != null) {
                text.append(": ").append(current.getMessage().strip().replaceAll("\\s+", " "));
            }
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text.toString();
    }
}
