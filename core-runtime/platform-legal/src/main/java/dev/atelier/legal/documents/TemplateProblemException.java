package dev.atelier.legal.documents;

import dev.atelier.spi.legal.TemplateRenderException;

/**
 * The document's template does not render: a syntax error, a failure while running, or a refusal of the sandbox. For
 * the tenant admin; such a template cannot be published.
 */
public final class TemplateProblemException extends LegalDocumentException {

    private static final long serialVersionUID = 1L;

    private final String templateName;
    private final int line;
    private final int column;

    TemplateProblemException(TemplateRenderException problem) {
        super(problem.located(), problem);
        this.templateName = problem.templateName();
        this.line = problem.line();
        this.column = problem.column();
    }

    /** The template the problem is in (an included one, if there). */
    public String templateName() {
        return templateName;
    }

    /** 1-based line, 0 when the problem has no position (too much output, too long a run). */
    public int line() {
        return line;
    }

    /** 1-based column, 0 when the problem has no position. */
    public int column() {
        return column;
    }
}
