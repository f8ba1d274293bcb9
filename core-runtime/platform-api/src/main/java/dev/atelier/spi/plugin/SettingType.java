package dev.atelier.spi.plugin;

/** How a setting's text is read, and how the admin form asks for it. */
public enum SettingType {

    /** Any text, optionally restricted to a pattern. Read as {@link String}. */
    TEXT,
    /** Text that is never shown again once set (API keys, passwords). Read as {@link String}. */
    SECRET,
    /** A whole number, optionally within bounds. Read as {@link Long}. */
    INTEGER,
    /** {@code true} or {@code false}, in any letter case. Read as {@link Boolean}. */
    BOOLEAN,
    /** An absolute {@code http} or {@code https} URL with a host. Read as {@link java.net.URI}. */
    URL,
    /** One of a fixed list of words. Read as {@link String}. */
    CHOICE,
    /**
     * A length of time: a whole number followed by {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}
     * ({@code 30s}), or ISO-8601 ({@code PT30S}). Read as {@link java.time.Duration}.
     */
    DURATION
}
