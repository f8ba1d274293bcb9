package dev.atelier.model.replicate.internal;

/** Provider text made fit to show a user: its first line, without links, and short. */
final class UserText {

    private static final int MAX_LENGTH = 200;

    private UserText() {}

    static String line(String text) {
        if (text == null) {
            return "";
        }
        String first = text.strip().lines().findFirst().orElse("")
                .replaceAll("https?://\\S+", "[link]")
                .strip();
        return first.length() <= MAX_LENGTH ? first : first.substring(0, MAX_LENGTH - 1) + "…";
    }
}
