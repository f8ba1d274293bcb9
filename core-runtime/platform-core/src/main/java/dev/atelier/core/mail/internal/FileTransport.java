package dev.atelier.core.mail.internal;

import dev.atelier.core.mail.MailDeliveryException;
import dev.atelier.core.mail.MailMessage;
import dev.atelier.core.mail.MailTransport;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;
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
            // Jakarta Mail writes a message a byte at a time: into an unsynchronized buffer first, then in one write
            // (a BufferedOutputStream takes its lock per byte, a file stream makes a system call per byte).
            UnsynchronizedByteArrayOutputStream mime = UnsynchronizedByteArrayOutputStream.builder()
                    .setBufferSize(16 * 1024).get();
            MimeMessages.build(session, message, messageId).writeTo(mime);
            ensureFolder();
            // Written beside and moved in place, so a reader never sees half a message.
            Path partial = Files.createTempFile(folder, messageId, ".part");
            try {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    mime.writeTo(out);
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

    /** Creates the folder when it is missing (a look is cheaper than the attempt to create it). */
    private void ensureFolder() throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
    }

    @Override
    public String toString() {
        return ".eml files in " + folder;
    }
}
