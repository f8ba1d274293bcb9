package dev.atelier.legal.freemarker.internal;

import dev.atelier.spi.legal.TemplateRenderException;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;

/** Turns what FreeMarker throws into the admin's error: what is wrong, in which template, at which line and column. */
final class TemplateErrors {

    private TemplateErrors() {}

    static TemplateRenderException of(String templateName, Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof TemplateFiles.RefusedTemplateException refused) {
                return refused.refusal();
            }
            if (cause instanceof BoundedWriter.OutputTooLargeException tooLarge) {
                return new TemplateRenderException(tooLarge.getMessage(), templateName, 0, 0);
            }
            if (cause instanceof OutOfMemoryError) {
                // A built-in asked for more memory than there is ("x"?left_pad(2000000000)); that allocation failed.
                return new TemplateRenderException("The template built a text too large to hold", templateName, 0, 0);
            }
            if (cause instanceof StackOverflowError) {
                return new TemplateRenderException("Macros or functions call each other without end", templateName, 0,
                        0);
            }
        }
        if (thrown instanceof ParseException parse) {
            return new TemplateRenderException(parse.getEditorMessage(), nameOr(parse.getTemplateName(), templateName),
                    parse.getLineNumber(), parse.getColumnNumber());
        }
        if (thrown instanceof TemplateException failed) {
            return new TemplateRenderException(withoutTips(failed.getMessageWithoutStackTop()),
                    nameOr(failed.getTemplateSourceName(), templateName), orZero(failed.getLineNumber()),
                    orZero(failed.getColumnNumber()));
        }
        return new TemplateRenderException("The template could not be rendered: " + thrown.getMessage(), templateName,
                0, 0);
    }

    /** FreeMarker's message up to its tips and stack, which speak of Java and of FreeMarker's own settings. */
    private static String withoutTips(String message) {
        int tips = message.indexOf("\n----");
        return (tips < 0 ? message : message.substring(0, tips)).strip();
    }

    private static String nameOr(String name, String fallback) {
        return name == null ? fallback : name;
    }

    private static int orZero(Integer number) {
        return number == null ? 0 : number;
    }
}
