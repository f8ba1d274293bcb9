package dev.atelier.web.site.admin;

import dev.atelier.legal.versions.NoticeMode;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The legal document editor's form as posted: {@code document}, {@code template} (the template source),
 * {@code effective_date} ({@code 2026-12-01}), {@code mode} ({@code notify} or {@code require}), {@code nonce} (the
 * one-time number of the form shown, the publish's key) and {@code action} ({@code preview} or {@code publish}).
 * Values are kept as typed so a refused form shows them again.
 *
 * @param errors by field ({@code template}, {@code effective_date}, {@code mode}, {@code form}); empty when valid
 */
record LegalEditForm(String document, String template, String effectiveDate, String mode, String nonce,
        boolean publish, Map<String, String> errors) {

    /** Longest template the editor takes (a form body is at most 64 KB once encoded). */
    static final int MAX_TEMPLATE_CHARS = 40_000;
    static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    static LegalEditForm read(MultivaluedMap<String, String> posted) {
        String template = value(posted, "template").replace("\r\n", "\n");
        String date = value(posted, "effective_date").strip();
        String mode = value(posted, "mode").strip();
        String nonce = value(posted, "nonce");
        boolean publish = "publish".equals(posted.getFirst("action"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (template.isBlank()) {
            errors.put("template", "Write the template: an empty document cannot be shown or published.");
        } else if (template.length() > MAX_TEMPLATE_CHARS) {
            errors.put("template", "Use at most " + MAX_TEMPLATE_CHARS + " characters.");
        }
        if (publish) {
            if (parseDate(date) == null) {
                errors.put("effective_date", "Enter a date written 2026-12-01.");
            }
            if (!mode.equals(NoticeMode.NOTIFY.key()) && !mode.equals(NoticeMode.REQUIRE.key())) {
                errors.put("mode", "Choose whether users are notified or must accept.");
            }
            if (!NONCE.matcher(nonce).matches()) {
                errors.put("form", "This form is incomplete. Reload the page and try again.");
            }
        }
        return new LegalEditForm(value(posted, "document").strip(), template, date, mode, nonce, publish, errors);
    }

    /** The effective date, or {@code null} when it is not a date. */
    LocalDate date() {
        return parseDate(effectiveDate);
    }

    NoticeMode noticeMode() {
        return NoticeMode.of(mode);
    }

    /** This form with {@code field}'s error added. */
    LegalEditForm withError(String field, String message) {
        Map<String, String> more = new LinkedHashMap<>(errors);
        more.put(field, message);
        return new LegalEditForm(document, template, effectiveDate, mode, nonce, publish, more);
    }

    private static LocalDate parseDate(String typed) {
        try {
            return typed.isEmpty() ? null : LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String value(MultivaluedMap<String, String> posted, String field) {
        String value = posted.getFirst(field);
        return value == null ? "" : value;
    }
}
