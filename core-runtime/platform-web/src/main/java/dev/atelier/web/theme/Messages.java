package dev.atelier.web.theme;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of one tenant's pages and emails: the default theme's messages, overridden by its theme's, overridden
 * by the tenant's own. Texts are plain: {@code {0}}, {@code {1}}... stand for the arguments of {@link #text}, and the
 * template escapes the result like any other value, so neither a message nor an argument can add markup.
 */
public final class Messages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

    private final Map<String, String> texts;

    Messages(Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
    }

    /** Whether {@code key} has a text. */
    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /**
     * The text of {@code key} with {@code {n}} replaced by the n-th of {@code arguments}; the key itself when no
     * bundle has it (a page shows a visible slip rather than failing), a placeholder without argument as it is.
     */
    public String text(String key, List<String> arguments) {
        String text = texts.get(key);
        if (text == null) {
            return key;
        }
        if (arguments.isEmpty() || text.indexOf('{') < 0) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        while (m.find()) {
            int index = m.group(1).charAt(0) - '0';
            m.appendReplacement(out, Matcher.quoteReplacement(index < arguments.size() ? arguments.get(index)
                    : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
