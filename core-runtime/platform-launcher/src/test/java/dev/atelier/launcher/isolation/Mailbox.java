package dev.atelier.launcher.isolation;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The messages the platform mailed to its users, read for the links in them. */
final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");

    private final GreenMail smtp;

    Mailbox(GreenMail smtp) {
        this.smtp = smtp;
    }

    /**
     * Waits for the {@code nth} message (from 1) to {@code address} whose subject contains {@code subject}, and returns
     * the path and query of the first link in it, as a browser on the site would follow it.
     */
    String link(String address, String subject, int nth) throws MessagingException, IOException {
        List<MimeMessage> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            found.clear();
            found.addAll(matching(address, subject));
            return found.size() >= nth;
        });
        Matcher m = LINK.matcher(plainText(found.get(nth - 1)));
        if (!m.find()) {
            throw new AssertionError("no link in the mail \"" + subject + "\" to " + address);
        }
        URI uri = URI.create(m.group());
        return uri.getRawPath() + Optional.ofNullable(uri.getRawQuery()).map(q -> "?" + q).orElse("");
    }

    // The decoded text/plain part: quoted-printable would break long links across lines.
    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        StringBuilder text = new StringBuilder();
        if (part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                text.append(plainText(parts.getBodyPart(i)));
            }
        }
        return text.toString();
    }

    private List<MimeMessage> matching(String address, String subject) throws MessagingException {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
            if (to.equalsIgnoreCase(address) && message.getSubject().contains(subject)) {
                messages.add(message);
            }
        }
        return messages;
    }
}
