package dev.atelier.accounts;

import com.nulabinc.zxcvbn.StandardDictionaries;
import dev.atelier.core.lazy.Lazy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What a password must be (NIST SP 800-63B): at least {@value #MIN_LENGTH} and at most {@value #MAX_LENGTH}
 * characters (Unicode code points), not a commonly used password, not the account's email or its local part. No
 * composition rules. The common-password list is zxcvbn's {@code passwords} dictionary (the 30,000 most frequent
 * passwords of public breach corpora), shipped inside the {@code com.nulab-inc:zxcvbn} jar.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;

    private final Supplier<Set<String>> common;

    /** A policy rejecting the passwords of {@code commonPasswords}, compared without regard to case. */
    public PasswordPolicy(Collection<String> commonPasswords) {
        Set<String> folded = foldedAll(commonPasswords);
        this.common = () -> folded;
    }

    private PasswordPolicy(Supplier<Set<String>> common) {
        this.common = common;
    }

    /**
     * The policy with zxcvbn's shipped list of common passwords; share the instance. The list is read at the first
     * check, not here: reading it takes about a tenth of a second of a fresh JVM, which a platform's start need not
     * spend on something only a sign-up or a new password asks for.
     */
    public static PasswordPolicy withShippedList() {
        return new PasswordPolicy(Lazy.of(() -> foldedAll(shippedList())));
    }

    /**
     * Accepts {@code password} for the account with (normalized) {@code email}, or says why not.
     *
     * @param field the input to name in the error, {@code password} or {@code newPassword}
     * @throws InvalidAccountInputException with a message for the person choosing the password
     */
    public void check(String password, String email, String field) {
        if (password == null || password.isEmpty()) {
            throw new InvalidAccountInputException(field, "Enter a password.");
        }
        // Checked on UTF-16 length first so a 10 kB password is refused without further work.
        if (password.length() > 2 * MAX_LENGTH || password.codePointCount(0, password.length()) > MAX_LENGTH) {
            throw new InvalidAccountInputException(field, "Use at most " + MAX_LENGTH + " characters.");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidAccountInputException(field, "Use at least " + MIN_LENGTH + " characters.");
        }
        String folded = folded(password);
        if (common.get().contains(folded)) {
            throw new InvalidAccountInputException(field, "This password is too common; choose another.");
        }
        if (email != null && !email.isEmpty()) {
            int at = email.indexOf('@');
            String localPart = at < 0 ? email : email.substring(0, at);
            if (folded.equals(folded(email)) || folded.equals(folded(localPart))) {
                throw new InvalidAccountInputException(field, "Do not use your email address as your password.");
            }
        }
    }

    private static Set<String> foldedAll(Collection<String> passwords) {
        return passwords.stream().map(PasswordPolicy::folded).collect(Collectors.toUnmodifiableSet());
    }

    /** Zxcvbn's list; read once, by the first check that needs it ({@link #withShippedList}). */
    private static Collection<String> shippedList() {
        try {
            return StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the common-password list shipped with zxcvbn", e);
        }
    }

    private static String folded(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
