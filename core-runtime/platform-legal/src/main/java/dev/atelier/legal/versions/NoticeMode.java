package dev.atelier.legal.versions;

import java.util.Arrays;

/** How signed-in users learn of a newly published version. */
public enum NoticeMode {
    /** A banner on every page until the user dismisses it; nothing is blocked. */
    NOTIFY("notify"),
    /** The user must accept the version before generating or buying. */
    REQUIRE("require");

    private final String key;

    NoticeMode(String key) {
        this.key = key;
    }

    /** The mode as stored and as forms send it: {@code notify} or {@code require}. */
    public String key() {
        return key;
    }

    /** @throws IllegalArgumentException for anything but {@code notify} or {@code require} */
    public static NoticeMode of(String key) {
        return Arrays.stream(values()).filter(mode -> mode.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Notice mode must be notify or require, not " + key));
    }
}
