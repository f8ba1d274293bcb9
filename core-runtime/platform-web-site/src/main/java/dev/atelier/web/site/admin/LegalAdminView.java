package dev.atelier.web.site.admin;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.legal.documents.LegalDocuments;
import dev.atelier.legal.documents.UnknownDocumentException;
import dev.atelier.legal.drift.DriftedDocument;
import dev.atelier.legal.drift.LegalDrift;
import dev.atelier.legal.versions.Acceptances;
import dev.atelier.legal.versions.LegalVersionInfo;
import dev.atelier.legal.versions.LegalVersions;
import dev.atelier.legal.versions.NoticeMode;
import dev.atelier.web.legal.DiffLines;
import dev.atelier.web.legal.DocumentTitles;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The data of {@code admin/legal.ftlh}: each document with its versions, the documents that drifted with their
 * regenerated draft's diff and a publish form, and an editor opened on a document's current template. Every form shown
 * carries a fresh one-time number, so sending one twice publishes once.
 */
final class LegalAdminView {

    private final LegalVersions versions;
    private final LegalDocuments documents;
    private final LegalDrift drift;
    private final SecureRandom random = new SecureRandom();

    LegalAdminView(LegalVersions versions, LegalDocuments documents, LegalDrift drift) {
        this.versions = versions;
        this.documents = documents;
        this.drift = drift;
    }

    /** {@code data} with {@code documents} and {@code drifts} added. */
    Map<String, Object> data(Map<String, Object> data, Tenant tenant) {
        data.put("documents", documents(tenant));
        data.put("drifts", drift.of(tenant).stream().map(this::drifted).toList());
        return data;
    }

    /** The editor opened on {@code document}'s current template, or empty if the tenant has no such document. */
    Optional<Map<String, Object>> editor(Tenant tenant, String document) {
        if (!documents.documents(tenant).contains(document)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> editor = new LinkedHashMap<>();
            editor.put("document", document);
            editor.put("title", DocumentTitles.of(document));
            editor.put("template", documents.templateSource(tenant, document));
            editor.put("effectiveDate", LocalDate.now().toString());
            editor.put("mode", NoticeMode.NOTIFY.key());
            editor.put("nonce", nonce());
            editor.put("errors", Map.of());
            editor.put("maxChars", LegalEditForm.MAX_TEMPLATE_CHARS);
            return Optional.of(editor);
        } catch (UnknownDocumentException e) {
            return Optional.empty();
        }
    }

    private List<Map<String, Object>> documents(Tenant tenant) {
        // The sign-up documents and the tenant's templates are listed even before their first version, so the admin
        // sees they are missing and can write them.
        Set<String> names = new LinkedHashSet<>(Acceptances.SIGN_UP_DOCUMENTS);
        names.addAll(documents.documents(tenant));
        names.addAll(versions.documents(tenant.id()));
        Set<String> editable = Set.copyOf(documents.documents(tenant));
        List<Map<String, Object>> list = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("name", name);
            document.put("title", DocumentTitles.of(name));
            document.put("editable", editable.contains(name));
            document.put("versions", versions.list(tenant.id(), name).stream().map(LegalAdminView::row).toList());
            list.add(document);
        }
        return list;
    }

    private Map<String, Object> drifted(DriftedDocument drifted) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("document", drifted.document());
        data.put("title", DocumentTitles.of(drifted.document()));
        data.put("version", drifted.published().number());
        drifted.diff().ifPresent(diff -> data.put("lines", DiffLines.of(diff)));
        drifted.problem().ifPresent(problem -> data.put("problem", problem));
        drifted.regenerated().ifPresent(draft -> data.put("template", draft.templateSource()));
        data.put("effectiveDate", LocalDate.now().toString());
        data.put("nonce", nonce());
        return data;
    }

    private static Map<String, Object> row(LegalVersionInfo version) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("number", version.number());
        row.put("effectiveDate", version.effectiveDate().toString());
        row.put("publishedAt", version.publishedAt().toString());
        row.put("publishedBy", version.publishedBy());
        row.put("mode", version.mode().key());
        row.put("href", "/legal/" + version.document() + "/v/" + version.number());
        return row;
    }

    private String nonce() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
