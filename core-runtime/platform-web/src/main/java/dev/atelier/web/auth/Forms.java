package dev.atelier.web.auth;

/** Small helpers shared by the account forms. */
public final class Forms {

    private Forms() {}

    /** A submitted value to show again: trimmed and cut to a sane length (the real checks happen in the core). */
    public static String trimmed(String value, int max) {
        if (value == null) {
            return "";
        }
        String trimmed = value.strip();
        return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
    }
}
