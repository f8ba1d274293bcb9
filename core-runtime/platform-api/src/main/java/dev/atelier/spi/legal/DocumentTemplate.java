package dev.atelier.spi.legal;

import java.util.Objects;

/**
 * A template to render: its source text and where the templates it includes come from.
 *
 * @param name the template's name as errors show it, for example {@code privacy.ftl}
 * @param source the template's text
 * @param includes finds the templates it includes or imports; only the tenant's own templates and the shipped ones
 */
public record DocumentTemplate(String name, String source, TemplateResolver includes) {

    public DocumentTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(includes, "includes");
    }
}
