package dev.atelier.legal.freemarker.internal;

import dev.atelier.spi.legal.DocumentTemplate;
import freemarker.core.TemplateClassResolver;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

/**
 * FreeMarker set up for one rendering of one format, locked down: no {@code ?new} (no class is ever resolved), no
 * {@code ?api}, data only ({@link DataWrapper}), no shared variables (so no {@code statics} or other Java bridges),
 * templates only from {@link TemplateFiles}, and every template checks for interruption in its loops and macro
 * calls, so a watchdog can stop an endless one.
 */
final class SandboxConfiguration extends Configuration {

    private final Set<Template> interruptible = Collections.newSetFromMap(new IdentityHashMap<>());

    SandboxConfiguration(DocumentTemplate template, Format format) throws IOException {
        super(Configuration.VERSION_2_3_34);
        setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        setAPIBuiltinEnabled(false);
        setObjectWrapper(DataWrapper.INSTANCE);
        setTemplateLoader(new TemplateFiles(template, format));
        // Names are taken as written: no "privacy_en_US.ftl" lookups, no ".ftlh" switching the output format.
        setLocalizedLookup(false);
        setRecognizeStandardFileExtensions(false);
        setOutputFormat(format.outputFormat());
        setAutoImports(Map.of("doc", TemplateFiles.LIBRARY));
        setLocale(Locale.US);
        setTimeZone(TimeZone.getTimeZone("UTC"));
        setDefaultEncoding("UTF-8");
        setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        setLogTemplateExceptions(false);
        setWrapUncheckedExceptions(true);
        setFallbackOnNullLoopVariable(false);
    }

    /** Every template this configuration hands out (the document, its includes, the library) can be interrupted. */
    @Override
    public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding,
            boolean parseAsFTL, boolean ignoreMissing) throws IOException {
        Template found = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
        if (found != null) {
            synchronized (interruptible) {
                if (interruptible.add(found)) {
                    _CoreAPI.addThreadInterruptedChecks(found);
                }
            }
        }
        return found;
    }
}
