package dev.atelier.web.theme;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.tenant.TenantSiteData;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a tenant's pages with FreeMarker. Lookup: the tenant's overrides → {@code themes/<theme>/} →
 * {@code themes/default/}. A template that fails for a tenant is recorded in {@link TemplateErrors} and the page is
 * rendered again from {@code themes/default} alone. Compiled templates are cached per tenant version
 * ({@link Tenant#updatedAt()}), so a changed tenant is picked up on its next request.
 */
public final class ThemeEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ThemeEngine.class);

    private record TenantChain(long version, String theme, TenantTemplateLoader overrides, Configuration cfg,
            MessageMethod msg) {}

    /** The name templates call the tenant's messages by: {@code ${msg("nav.pricing")}}. */
    public static final String MESSAGES = "msg";

    private final Themes themes;
    private final TenantSiteData data;
    private final TemplateErrors errors;
    private final ThemeConfigurations configurations;
    private final ThemeMessages messages;
    private final Configuration defaults;
    private final MessageMethod defaultMessages;
    private final Map<String, Configuration> sharedByTheme = new ConcurrentHashMap<>();
    private final Map<String, TenantChain> byTenant = new ConcurrentHashMap<>();

    public ThemeEngine(Themes themes, TenantSiteData data, TemplateErrors errors) {
        this.themes = themes;
        this.data = data;
        this.errors = errors;
        this.configurations = new ThemeConfigurations(themes);
        this.defaults = configurations.create(null, Themes.DEFAULT);
        this.messages = new ThemeMessages(themes);
        this.defaultMessages = new MessageMethod(messages.forTenant(Themes.DEFAULT, Map.of()));
    }

    /**
     * Renders {@code name} for {@code tenant}, falling back to {@code themes/default} when the tenant's chain fails.
     *
     * @throws TemplateFailure when {@code themes/default} fails too
     */
    public String render(Tenant tenant, String name, Map<String, Object> model) throws TemplateFailure {
        return renderAll(tenant, List.of(name), model).get(0);
    }

    /**
     * Renders {@code names} for {@code tenant} as one unit (e.g. the parts of an email): when any of them fails for
     * the tenant, all are rendered from {@code themes/default}, so the parts never mix two themes.
     *
     * @throws TemplateFailure when {@code themes/default} fails too
     */
    public List<String> renderAll(Tenant tenant, List<String> names, Map<String, Object> model)
            throws TemplateFailure {
        TenantChain chain = chain(tenant);
        model = withMessages(model, chain.msg());
        String name = names.get(0);
        try {
            List<String> out = new ArrayList<>(names.size());
            for (String n : names) {
                name = n;
                out.add(process(chain.cfg(), n, model));
            }
            return out;
        } catch (IOException | TemplateException e) {
            TemplateError error = describe(e, chain, name);
            errors.record(tenant.id(), error);
            if (chain.overrides() == null && Themes.DEFAULT.equals(chain.theme())) {
                LOG.warn("Template error for tenant {}: {}:{}: {}", tenant.slug(), error.file(), error.line(),
                        error.message());
                throw new TemplateFailure(error.file() + ":" + error.line() + ": " + error.message(), e);
            }
            LOG.warn("Template error for tenant {}: {}:{}: {}; serving the default theme's {}", tenant.slug(),
                    error.file(), error.line(), error.message(), names);
        }
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(renderDefault(n, model));
        }
        return out;
    }

    /** Renders {@code name} from {@code themes/default} only. */
    public String renderDefault(String name, Map<String, Object> model) throws TemplateFailure {
        try {
            return process(defaults, name, withMessages(model, defaultMessages));
        } catch (IOException | TemplateException e) {
            TemplateError error = describe(e, null, name);
            LOG.warn("Default theme template failed: {}:{}: {}", error.file(), error.line(), error.message());
            throw new TemplateFailure(error.file() + ":" + error.line() + ": " + error.message(), e);
        }
    }

    /** Whether the tenant's chain has a template called {@code name}. */
    public boolean has(Tenant tenant, String name) {
        try {
            Object source = chain(tenant).cfg().getTemplateLoader().findTemplateSource(name);
            return source != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Drops the tenant's compiled templates; the next request compiles them again. */
    public void invalidate(String tenantId) {
        byTenant.remove(tenantId);
        errors.clear(tenantId);
    }

    /** The wording {@code tenant}'s pages are rendered with (its theme's, overridden by its own). */
    public Messages messages(Tenant tenant) {
        return chain(tenant).msg().messages();
    }

    // The caller's model keeps its own msg (a test's, a preview's); the copy is shallow, so it costs one small map.
    private static Map<String, Object> withMessages(Map<String, Object> model, MessageMethod msg) {
        if (model.containsKey(MESSAGES)) {
            return model;
        }
        Map<String, Object> with = new HashMap<>(model);
        with.put(MESSAGES, msg);
        return with;
    }

    private TenantChain chain(Tenant tenant) {
        long version = tenant.updatedAt() == null ? 0 : tenant.updatedAt().toEpochMilli();
        String theme = themes.effective(tenant.branding() == null ? null : tenant.branding().theme());
        TenantChain chain = byTenant.get(tenant.id());
        if (chain != null && chain.version() == version && chain.theme().equals(theme)) {
            return chain;
        }
        if (chain != null) {
            errors.clear(tenant.id()); // the tenant changed: old errors may be fixed
        }
        TenantChain fresh;
        MessageMethod msg = new MessageMethod(messages.forTenant(theme, tenant.settings() == null ? Map.of()
                : tenant.settings().messages()));
        if (data.hasTemplates(tenant.id())) {
            TenantTemplateLoader overrides = new TenantTemplateLoader(tenant.id(), version, data);
            fresh = new TenantChain(version, theme, overrides, configurations.create(overrides, theme), msg);
        } else {
            fresh = new TenantChain(version, theme, null,
                    sharedByTheme.computeIfAbsent(theme, t -> configurations.create(null, t)), msg);
        }
        byTenant.put(tenant.id(), fresh);
        return fresh;
    }

    private static String process(Configuration cfg, String name, Map<String, Object> model)
            throws IOException, TemplateException {
        StringWriter out = new StringWriter(8192);
        cfg.getTemplate(name).process(model, out);
        return out.toString();
    }

    private TemplateError describe(Exception e, TenantChain chain, String page) {
        if (e instanceof ParseException parse) {
            return TemplateErrors.now(origin(chain, parse.getTemplateName()), parse.getLineNumber(),
                    firstLines(parse.getEditorMessage()));
        }
        if (e instanceof TemplateException te) {
            String file = te.getTemplateSourceName() != null ? te.getTemplateSourceName() : page;
            return TemplateErrors.now(origin(chain, file), te.getLineNumber() == null ? 0 : te.getLineNumber(),
                    firstLines(te.getMessageWithoutStackTop()));
        }
        if (e instanceof TemplateNotFoundException missing) {
            return TemplateErrors.now(origin(chain, missing.getTemplateName()), 0, "Template not found");
        }
        return TemplateErrors.now(origin(chain, page), 0, firstLines(String.valueOf(e.getMessage())));
    }

    private String origin(TenantChain chain, String name) {
        if (name == null) {
            return "(unknown)";
        }
        if (chain != null && chain.overrides() != null && chain.overrides().has(name)) {
            return "templates/" + name + " (tenant folder)";
        }
        String theme = chain == null ? Themes.DEFAULT : chain.theme();
        if (!Themes.DEFAULT.equals(theme) && Files.isRegularFile(themes.dir(theme).resolve(name))) {
            return "themes/" + theme + "/" + name;
        }
        return "themes/default/" + name;
    }

    // One line, for the log and the admin list; FreeMarker's tips and long "expecting one of" lists are cut.
    private static String firstLines(String message) {
        String text = message == null ? "" : message.strip();
        for (String cut : new String[] {"\n----", "but was expecting one of"}) {
            int at = text.indexOf(cut);
            if (at > 0) {
                text = text.substring(0, at).strip();
            }
        }
        text = text.replaceAll("\\s+", " ");
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
