package dev.atelier.accounts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one form in which emails are stored and compared: trimmed, Unicode NFKC, lower case. The syntax check is
 * deliberately plain (no quoted local parts, comments or IP literals): the verification mail is the real check.
 */
public final class EmailAddress {

    /** RFC 5321's limit for a forward path, less the angle brackets. */
    public static final int MAX_LENGTH = 254;

    private static final Pattern SYNTAX = Pattern.compile(
            "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}]");

    private EmailAddress() {}

    /**
     * The normalized form of {@code raw}.
     *
     * @throws InvalidAccountInputException (field {@code email}) if it is missing, too long or not an email address
     */
    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidAccountInputException("email", "Enter your email address.");
        }
        if (raw.length() > 4 * MAX_LENGTH) {
            throw tooLong();
        }
        String email = Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (email.codePointCount(0, email.length()) > MAX_LENGTH) {
            throw tooLong();
        }
        int at = email.indexOf('@');
        if (at > 64 || !SYNTAX.matcher(email).matches()) {
            throw new InvalidAccountInputException("email", "Enter an email address like name@example.com.");
        }
        return email;
    }

    private static InvalidAccountInputException tooLong() {
        return new InvalidAccountInputException("email", "Use an email address of at most " + MAX_LENGTH
                + " characters.");
    }
}
