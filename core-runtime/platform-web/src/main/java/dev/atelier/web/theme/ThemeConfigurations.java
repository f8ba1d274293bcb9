package dev.atelier.web.theme;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileExtensionMatcher;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds FreeMarker configurations for a lookup chain: tenant overrides → theme → default. */
final class ThemeConfigurations {

    private final Themes themes;

    ThemeConfigurations(Themes themes) {
        this.themes = themes;
    }

    Configuration create(TemplateLoader overrides, String theme) {
        List<TemplateLoader> chain = new ArrayList<>(3);
        if (overrides != null) {
            chain.add(overrides);
        }
        if (!Themes.DEFAULT.equals(theme)) {
            chain.add(files(theme));
        }
        chain.add(files(Themes.DEFAULT));
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_35);
        cfg.setTemplateLoader(chain.size() == 1 ? chain.get(0) : new MultiTemplateLoader(chain.toArray(TemplateLoader[]::new)));
        cfg.setRecognizeStandardFileExtensions(true); // .ftlh → HTML output format with auto-escaping
        // .ftl → plain text (email text parts and subjects): nothing escaped, ?esc and ?no_esc refused.
        TemplateConfiguration plain = new TemplateConfiguration();
        plain.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        cfg.setTemplateConfigurations(new ConditionalTemplateConfigurationFactory(new FileExtensionMatcher("ftl"), plain));
        cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
        cfg.setOutputEncoding(StandardCharsets.UTF_8.name());
        cfg.setLocale(Locale.US);
        cfg.setLocalizedLookup(false); // one lookup per name, not three (each may ask the tenant store)
        // Errors go to the caller, which falls back to the default theme; users never see a stack trace.
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        // Tenant templates are not trusted code: no ?new of arbitrary classes, no ?api.
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        return cfg;
    }

    private TemplateLoader files(String theme) {
        try {
            return new FileTemplateLoader(themes.dir(theme).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Theme folder unreadable: " + theme, e);
        }
    }
}
