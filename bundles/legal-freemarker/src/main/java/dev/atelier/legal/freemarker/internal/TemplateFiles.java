package dev.atelier.legal.freemarker.internal;

import dev.atelier.spi.legal.DocumentTemplate;
import dev.atelier.spi.legal.TemplateRenderException;
import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The only templates one rendering can read: the document's own, the ones its {@link DocumentTemplate#includes()}
 * finds (the tenant's and the shipped ones), and the block library of the format being rendered. Every source is
 * checked for forbidden built-ins before FreeMarker parses it.
 */
final class TemplateFiles implements TemplateLoader {

    /** The block library's name, imported as {@code doc} into every template. */
    static final String LIBRARY = "atelier/doc.ftl";

    private final DocumentTemplate template;
    private final String library;

    TemplateFiles(DocumentTemplate template, Format format) throws IOException {
        this.template = template;
        this.library = readLibrary(format);
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
        if (name.equals(LIBRARY)) {
            return new Source(name, library);
        }
        Optional<String> source = name.equals(template.name()) ? Optional.of(template.source())
                : template.includes().find(name);
        if (source.isEmpty()) {
            return null;
        }
        try {
            ForbiddenBuiltins.check(name, source.get());
        } catch (TemplateRenderException e) {
            throw new RefusedTemplateException(e);
        }
        return new Source(name, source.get());
    }

    @Override
    public long getLastModified(Object source) {
        return -1;
    }

    @Override
    public Reader getReader(Object source, String encoding) {
        return new StringReader(((Source) source).text());
    }

    @Override
    public void closeTemplateSource(Object source) {
        // Held in memory.
    }

    private static String readLibrary(Format format) throws IOException {
        try (InputStream in = TemplateFiles.class.getResourceAsStream(format.library())) {
            if (in == null) {
                throw new IOException("The block library " + format.library() + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Equal by name, so FreeMarker's cache sees one template per name. */
    private record Source(String name, String text) {}

    /** Carries the sandbox's refusal of an included template through FreeMarker, which sees only I/O errors here. */
    static final class RefusedTemplateException extends IOException {

        private static final long serialVersionUID = 1L;

        private final transient TemplateRenderException refusal;

        RefusedTemplateException(TemplateRenderException refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }

        TemplateRenderException refusal() {
            return refusal;
        }
    }
}
