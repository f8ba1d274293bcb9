package dev.atelier.legal.freemarker.internal;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.core.PlainTextOutputFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The three formats one template renders to. Each has its own library of document blocks ({@code doc.title},
 * {@code doc.p}, {@code doc.item}...) imported as {@code doc}, so a template names blocks and never formats.
 */
enum Format {

    HTML("doc-html.ftl", HTMLOutputFormat.INSTANCE),
    TEXT("doc-text.ftl", PlainTextOutputFormat.INSTANCE),
    MARKDOWN("doc-markdown.ftl", PlainTextOutputFormat.INSTANCE);

    private final String library;
    private final OutputFormat outputFormat;

    Format(String library, OutputFormat outputFormat) {
        this.library = library;
        this.outputFormat = outputFormat;
    }

    /** The block library's resource name, next to this class. */
    String library() {
        return library;
    }

    /** HTML escapes every value from the data; text and Markdown write them as they are. */
    OutputFormat outputFormat() {
        return outputFormat;
    }

    /**
     * The rendered output laid out: blank lines and the indentation the template's own layout left are dropped; in
     * text each block is one line, in Markdown blocks are separated by a blank line except between items of one list.
     */
    String layOut(String rendered) {
        List<String> lines = rendered.lines().map(String::strip).filter(line -> !line.isBlank()).toList();
        if (this != MARKDOWN) {
            return String.join("\n", lines) + "\n";
        }
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (!out.isEmpty() && !(isItem(line) && isItem(out.get(out.size() - 1)))) {
                out.add("");
            }
            out.add(line);
        }
        return String.join("\n", out) + "\n";
    }

    private static boolean isItem(String line) {
        return line.startsWith("- ");
    }
}
