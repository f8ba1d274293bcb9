package dev.atelier.legal.documents;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.legal.LegalDraft;
import dev.atelier.plugins.BoundPlugin;
import dev.atelier.plugins.PluginCallException;
import dev.atelier.plugins.PluginRegistry;
import dev.atelier.plugins.TenantBindings;
import dev.atelier.spi.legal.DocumentData;
import dev.atelier.spi.legal.DocumentTemplate;
import dev.atelier.spi.legal.LegalDocumentRenderer;
import dev.atelier.spi.legal.RenderedDocument;
import dev.atelier.spi.legal.TemplateRenderException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Renders a tenant's legal documents into {@link LegalDraft}s: from the tenant's template (its own or the shipped
 * one), its legal facts and the processors it really uses now ({@link TenantProcessors}), through the renderer plugin
 * the tenant binds (the shipped {@code freemarker} one by default). Publishing drafts as versions is the versions
 * package's; this class keeps nothing. Thread-safe.
 */
public final class LegalDocuments {

    private final PluginRegistry<LegalDocumentRenderer, Void> renderers;
    private final TenantProcessors processors;
    private final Function<Tenant, Map<String, String>> templatesOf;

    /**
     * @param renderers the legal document renderers deployed
     * @param processors who processes personal data for a tenant
     * @param templatesOf a tenant's own templates by name (its folder's {@code templates/}); only {@code legal/...}
     *     ones are read
     */
    public LegalDocuments(PluginRegistry<LegalDocumentRenderer, Void> renderers, TenantProcessors processors,
            Function<Tenant, Map<String, String>> templatesOf) {
        this.renderers = Objects.requireNonNull(renderers, "renderers");
        this.processors = Objects.requireNonNull(processors, "processors");
        this.templatesOf = Objects.requireNonNull(templatesOf, "templatesOf");
    }

    /** The documents the tenant has, sorted: {@code privacy}, {@code terms} and any of its own templates. */
    public List<String> documents(Tenant tenant) {
        return templates(tenant).documents();
    }

    /** The document's template source as the tenant has it now (its own, else the shipped one). */
    public String templateSource(Tenant tenant, String document) throws UnknownDocumentException {
        return templates(tenant).find(LegalTemplates.nameOf(requireName(document)))
                .orElseThrow(() -> new UnknownDocumentException(document));
    }

    /**
     * The document as the tenant's template and live setup render it now, dated with the effective date of the
     * tenant's configuration ({@code legal.effective_date}; undated when it has none).
     */
    public LegalDraft draft(Tenant tenant, String document) throws LegalDocumentException {
        return draft(tenant, document, DocumentFacts.configuredEffectiveDate(tenant));
    }

    /**
     * The document as the tenant's template and live setup render it now, dated {@code effectiveDate} (a published
     * version's date, for one).
     *
     * @param effectiveDate the "Last Updated" date the document shows; {@code null} for none
     */
    public LegalDraft draft(Tenant tenant, String document, LocalDate effectiveDate) throws LegalDocumentException {
        return preview(tenant, document, templateSource(tenant, document), effectiveDate);
    }

    /**
     * The document rendered from {@code templateSource} (an admin's edit, not saved anywhere) with the tenant's live
     * setup; its includes still come from the tenant's and the shipped legal templates.
     *
     * @throws TemplateProblemException when the template does not render, with its line and column
     */
    public LegalDraft preview(Tenant tenant, String document, String templateSource, LocalDate effectiveDate)
            throws LegalDocumentException {
        requireName(document);
        LegalTemplates templates = templates(tenant);
        Map<String, Object> disclosed = DocumentFacts.disclosed(tenant, document, processors.of(tenant));
        DocumentData data = DocumentData.of(DocumentFacts.withEffectiveDate(disclosed, effectiveDate));
        DocumentTemplate template = new DocumentTemplate(LegalTemplates.nameOf(document), templateSource,
                templates.includes());
        RenderedDocument rendered = render(tenant, template, data);
        return new LegalDraft(document, templateSource, rendered.html(), rendered.text(), rendered.markdown(),
                DisclosureDigest.of(disclosed));
    }

    /**
     * The digest a draft of {@code document} would carry now, without rendering it: compare it with a published
     * version's {@link LegalDraft#disclosureDigest()} to find drift.
     */
    public String disclosureDigest(Tenant tenant, String document) throws UnknownDocumentException {
        templateSource(tenant, document);
        return DisclosureDigest.of(DocumentFacts.disclosed(tenant, document, processors.of(tenant)));
    }

    private RenderedDocument render(Tenant tenant, DocumentTemplate template, DocumentData data)
            throws LegalDocumentException {
        BoundPlugin<LegalDocumentRenderer> renderer = BoundPlugin.of(renderers, TenantBindings.of(tenant))
                .orElseThrow(() -> new LegalDocumentException("No legal document renderer is configured", null));
        try {
            return renderer.call((service, context) -> service.render(template, data, context));
        } catch (PluginCallException e) {
            if (e.getCause() instanceof TemplateRenderException problem) {
                throw new TemplateProblemException(problem);
            }
            throw new LegalDocumentException("The legal document renderer " + renderer.plugin() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private LegalTemplates templates(Tenant tenant) {
        return new LegalTemplates(templatesOf.apply(tenant));
    }

    private static String requireName(String document) throws UnknownDocumentException {
        if (!LegalTemplates.isDocumentName(document)) {
            throw new UnknownDocumentException(String.valueOf(document));
        }
        return document;
    }
}
