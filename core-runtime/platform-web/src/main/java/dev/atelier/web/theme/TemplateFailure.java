package dev.atelier.web.theme;

/** Even {@code themes/default} could not render a page. */
public final class TemplateFailure extends Exception {

    public TemplateFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
