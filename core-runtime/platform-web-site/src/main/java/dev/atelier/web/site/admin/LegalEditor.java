package dev.atelier.web.site.admin;

import dev.atelier.core.tenants.InvalidTenantConfigException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.legal.LegalDraft;
import dev.atelier.legal.documents.LegalDocumentException;
import dev.atelier.legal.documents.LegalDocuments;
import dev.atelier.legal.documents.TemplateProblemException;
import dev.atelier.legal.versions.LegalVersions;
import dev.atelier.web.tenant.TemplatesStore;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Previews and publishes an admin's edit of a legal document's template. A template that does not render is neither
 * shown nor published: the form gets the problem with its line and column. Publishing stores the template as the
 * tenant's own {@code legal/<document>.ftl} (only when it differs from what the tenant has, so the shipped one keeps
 * following platform updates), then publishes its rendering once per form.
 */
final class LegalEditor {

    /** What a preview or publish came to: a rendering, or the form with its problems. */
    record Outcome(LegalEditForm form, LegalDraft draft, TemplateProblemException problem, int published) {

        boolean ok() {
            return form.errors().isEmpty() && problem == null;
        }
    }

    private final LegalDocuments documents;
    private final LegalVersions versions;
    private final TemplatesStore templates;

    LegalEditor(LegalDocuments documents, LegalVersions versions, TemplatesStore templates) {
        this.documents = documents;
        this.versions = versions;
        this.templates = templates;
    }

    /** Renders the form's template, dated with its effective date when it has one (else today). */
    Outcome preview(Tenant tenant, LegalEditForm form) throws LegalDocumentException {
        if (!form.errors().isEmpty()) {
            return new Outcome(form, null, null, 0);
        }
        LocalDate date = form.date() != null ? form.date() : LocalDate.now();
        try {
            return new Outcome(form, documents.preview(tenant, form.document(), form.template(), date), null, 0);
        } catch (TemplateProblemException e) {
            return new Outcome(form.withError("template", e.getMessage()), null, e, 0);
        }
    }

    /** {@link #preview}, then, when it rendered, stores the template and publishes the rendering. */
    Outcome publish(Tenant tenant, LegalEditForm form, String publishedBy) throws LegalDocumentException {
        if (LegalVersions.RESERVED.contains(form.document())) {
            return new Outcome(form.withError("form", "/legal/" + form.document() + " is a page of its own: a document"
                    + " of that name cannot be published. Rename its template."), null, null, 0);
        }
        Outcome preview = preview(tenant, form);
        if (!preview.ok()) {
            return preview;
        }
        if (!form.template().equals(documents.templateSource(tenant, form.document()))) {
            try {
                templates.save(tenant.id(), "legal/" + form.document() + ".ftl", form.template());
            } catch (InvalidTenantConfigException e) {
                return new Outcome(form.withError("template", e.getMessage()), null, null, 0);
            }
        }
        int number = versions.publish(tenant.id(), preview.draft(), form.date(), form.noticeMode(), publishedBy,
                form.nonce());
        return new Outcome(form, preview.draft(), null, number);
    }

    /** The editor's data: the form's values, errors and problem, and the preview when there is one. */
    static Map<String, Object> view(Outcome outcome, String title) {
        LegalEditForm form = outcome.form();
        Map<String, Object> editor = new LinkedHashMap<>();
        editor.put("document", form.document());
        editor.put("title", title);
        editor.put("template", form.template());
        editor.put("effectiveDate", form.effectiveDate());
        editor.put("mode", form.mode());
        editor.put("nonce", form.nonce());
        editor.put("errors", form.errors());
        editor.put("maxChars", LegalEditForm.MAX_TEMPLATE_CHARS);
        Optional.ofNullable(outcome.problem()).ifPresent(p -> editor.put("problem", Map.of("template",
                p.templateName(), "line", p.line(), "column", p.column())));
        Optional.ofNullable(outcome.draft()).ifPresent(d -> editor.put("preview", d.html()));
        return editor;
    }
}
