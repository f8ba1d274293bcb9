package dev.atelier.legal.freemarker.internal;

import dev.atelier.spi.legal.TemplateRenderException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses {@code ?eval} and {@code ?interpret}: they run text as template code, so data (a company name an admin typed,
 * a processor's name) would become code. FreeMarker has no setting to turn them off, so the source is checked before
 * it is parsed; a mention inside a string literal is refused too, which costs a template nothing it needs.
 */
final class ForbiddenBuiltins {

    private static final Pattern EVAL = Pattern.compile("\\?\\s*(eval|interpret)\\b");

    private ForbiddenBuiltins() {}

    static void check(String templateName, String source) throws TemplateRenderException {
        Matcher found = EVAL.matcher(source);
        if (found.find()) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < found.start(); i++) {
                if (source.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new TemplateRenderException("?" + found.group(1) + " is not allowed: templates may not run text as "
                    + "template code", templateName, line, found.start() - lineStart + 1);
        }
    }
}
