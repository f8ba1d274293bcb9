package dev.atelier.spi.legal;

/**
 * A template could not be rendered: it does not parse, failed while running, or the sandbox stopped it. The message
 * is written for the tenant admin who wrote the template and names no class of the renderer.
 */
public class TemplateRenderException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String templateName;
    private final int line;
    private final int column;

    /**
     * @param message what is wrong, for the template's author
     * @param templateName the template it happened in (an included one, if there)
     * @param line 1-based line, 0 when the failure has no position (output too large, too long a run)
     * @param column 1-based column, 0 when the failure has no position
     */
    public TemplateRenderException(String message, String templateName, int line, int column) {
        super(message);
        this.templateName = templateName;
        this.line = line;
        this.column = column;
    }

    /** The template the failure happened in. */
    public String templateName() {
        return templateName;
    }

    /** 1-based line, 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, 0 when unknown. */
    public int column() {
        return column;
    }

    /** "privacy.ftl, line 3, column 7: message", or "privacy.ftl: message" without a position. */
    public String located() {
        String where = line > 0 ? templateName + ", line " + line + ", column " + column : templateName;
        return where + ": " + getMessage();
    }
}
