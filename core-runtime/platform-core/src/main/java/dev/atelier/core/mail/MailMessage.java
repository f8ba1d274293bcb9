package dev.atelier.core.mail;

import java.util.regex.Pattern;

/**
 * One transactional email, rendered and ready to send. Every header value is checked here, so nothing a user typed
 * (a display name, an address) can add headers or recipients.
 *
 * @param tenantId    the sending tenant, or {@code null} for platform mail (operator notices)
 * @param fromName    display name of the sender, for example the tenant's name; at most 200 characters, one line
 * @param fromAddress sender address, for example the tenant's support address
 * @param to          the one recipient's address
 * @param subject     subject line, any Unicode, one line, at most 500 characters
 * @param text        plain-text body (required: it is what text-only clients show)
 * @param html        HTML body, or {@code null} for a text-only message
 */
public record MailMessage(String tenantId, String fromName, String fromAddress, String to, String subject, String text,
        String html) {

    /** Longest address RFC 5321 lets through (path limit minus the angle brackets). */
    public static final int MAX_ADDRESS_LENGTH = 254;
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_SUBJECT_LENGTH = 500;
    /** Largest body, in characters, of each part. */
    public static final int MAX_BODY_LENGTH = 1_000_000;

    // Deliberately narrow: one local part without quotes or spaces, one dotted domain. Anything an SMTP server might
    // read as syntax (<, >, comma, quotes, whitespace, control characters) is refused rather than escaped.
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public MailMessage {
        if (tenantId != null && tenantId.isBlank()) {
            throw new IllegalArgumentException("tenantId must be null for platform mail, not blank");
        }
        fromName = oneLine("fromName", fromName, MAX_NAME_LENGTH);
        fromAddress = address("fromAddress", fromAddress);
        to = address("to", to);
        subject = oneLine("subject", subject, MAX_SUBJECT_LENGTH);
        if (text == null) {
            throw new IllegalArgumentException("text must be given: it is the part every mail client can show");
        }
        body("text", text);
        if (html != null) {
            body("html", html);
        }
    }

    private static String address(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must be given");
        }
        if (value.length() > MAX_ADDRESS_LENGTH) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_ADDRESS_LENGTH + " characters");
        }
        if (!ADDRESS.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " is not a single plain email address such as name@example.com");
        }
        return value;
    }

    private static String oneLine(String field, String value, int maxLength) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must be given");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(field + " must be one line without control characters");
            }
        }
        return value;
    }

    private static void body(String field, String value) {
        if (value.length() > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_BODY_LENGTH + " characters");
        }
    }
}
