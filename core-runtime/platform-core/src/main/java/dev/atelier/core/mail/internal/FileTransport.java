package dev.atelier.core.mail.internal;

import dev.atelier.core.mail.MailDeliveryException;
import dev.atelier.core.mail.MailMessage;
import dev.atelier.core.mail.MailTransport;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each message as {@code <message id>.eml} into a folder, for machines without an SMTP server: the files open
 * in any mail client. The outbox id is a UUIDv7, so the names sort by time.
 */
public final class FileTransport implements MailTransport {

    private static final Logger LOG = LoggerFactory.getLogger(FileTransport.class);

    private final Path folder;
    private final Session session = Session.getInstance(new Properties());

    public FileTransport(Path folder) {
        this.folder = folder;
    }

    @Override
    public void send(MailMessage message, String messageId) throws MailDeliveryException {
        if (!messageId.matches("[A-Za-z0-9-]{1,100}")) {
            throw new IllegalArgumentException("messageId must be a plain id, was " + messageId);
        }
        Path file = folder.resolve(messageId + ".eml");
        try {
            Files.createDirectories(folder);
            // Written beside and moved in place, so a reader never sees half a message.
            Path partial = Files.createTempFile(folder, messageId, ".part");
            try {
                // Buffered: a MIME message writes itself a line at a time, a system call per line unbuffered.
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 64 * 1024)) {
                    MimeMessages.build(session, message, messageId).writeTo(out);
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException | MessagingException e) {
            throw new MailDeliveryException("Cannot write mail to " + file + ": " + MimeMessages.describe(e), e);
        }
        LOG.info("Mail {} of tenant {} written to {} (no SMTP host configured)", messageId,
                message.tenantId() == null ? "(platform)" : message.tenantId(), file.toAbsolutePath());
    }

    @Override
    public String toString() {
        return ".eml files in " + folder;
    }
}
