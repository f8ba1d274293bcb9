package dev.atelier.core.tenants;

import java.util.Set;

/**
 * The message keys the themes define (the keys of {@code themes/default/messages.properties}), which the
 * {@code messages} of a tenant folder are checked against when applied: a key no page uses is a typo, refused naming
 * the file and key, rather than an override that silently never shows.
 */
@FunctionalInterface
public interface MessageKeys {

    /** Knows no themes: every key is accepted (callers that render no pages). */
    MessageKeys ANY = key -> true;

    /** Whether a page or an email of the default theme uses {@code key}. */
    boolean known(String key);

    /** Exactly the keys in {@code keys}. */
    static MessageKeys of(Set<String> keys) {
        Set<String> known = Set.copyOf(keys);
        return known::contains;
    }
}
