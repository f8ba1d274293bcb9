package dev.atelier.launcher.platform;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A message the test mail server received, with its plain-text and HTML parts read out. */
public record Mail(String fromName, String fromAddress, String to, String subject, String text, String html) {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    static Mail of(MimeMessage message) {
        try {
            InternetAddress from = (InternetAddress) message.getFrom()[0];
            String text = null;
            String html = null;
            if (message.getContent() instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = part.getContent().toString();
                    } else if (part.isMimeType("text/html")) {
                        html = part.getContent().toString();
                    }
                }
            } else {
                text = message.getContent().toString();
            }
            return new Mail(from.getPersonal(), from.getAddress(),
                    message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(), text, html);
        } catch (Exception e) {
            throw new AssertionError("unreadable message", e);
        }
    }

    /** Path and query of the link in the plain-text part, to follow on the site. */
    public String linkPath() {
        Matcher m = LINK.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no link in the mail \"" + subject + "\":\n" + text);
        }
        URI uri = URI.create(m.group());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The host (with port) the link points to. */
    public String linkAuthority() {
        Matcher m = LINK.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no link in the mail \"" + subject + "\"");
        }
        return URI.create(m.group()).getRawAuthority();
    }
}
