package dev.atelier.legal.documents;

import dev.atelier.spi.legal.TemplateResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A tenant's legal templates: its own, from its folder's {@code templates/legal/} (stored with its other templates),
 * over the ones the platform ships. A document {@code privacy} is the template {@code legal/privacy.ftl}; a file whose
 * name starts with {@code _} is a part for includes, not a document.
 */
final class LegalTemplates {

    static final String FOLDER = "legal/";
    private static final String SUFFIX = ".ftl";
    /** Documents the platform ships templates for. */
    static final List<String> SHIPPED = List.of("privacy", "terms");
    private static final Pattern DOCUMENT = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final Map<String, String> tenantTemplates;

    /** @param tenantTemplates every template of the tenant by name; those outside {@code legal/} are never read */
    LegalTemplates(Map<String, String> tenantTemplates) {
        this.tenantTemplates = tenantTemplates;
    }

    /** Whether {@code document} could name a document at all (it goes into URLs and template names). */
    static boolean isDocumentName(String document) {
        return document != null && DOCUMENT.matcher(document).matches();
    }

    /** The template name of {@code document}: {@code legal/privacy.ftl}. */
    static String nameOf(String document) {
        return FOLDER + document + SUFFIX;
    }

    /** The documents the tenant has: the shipped ones and every document template of its own, sorted. */
    List<String> documents() {
        TreeSet<String> documents = new TreeSet<>(SHIPPED);
        tenantTemplates.keySet().stream()
                .filter(name -> name.startsWith(FOLDER) && name.endsWith(SUFFIX))
                .map(name -> name.substring(FOLDER.length(), name.length() - SUFFIX.length()))
                .filter(LegalTemplates::isDocumentName)
                .forEach(documents::add);
        return List.copyOf(documents);
    }

    /** The source of the legal template {@code name} ({@code legal/...}): the tenant's, else the shipped one. */
    Optional<String> find(String name) {
        if (!name.startsWith(FOLDER) || name.contains("..")) {
            return Optional.empty();
        }
        String own = tenantTemplates.get(name);
        return own != null ? Optional.of(own) : shipped(name.substring(FOLDER.length()));
    }

    /** Includes: only templates under {@code legal/}, the tenant's or the shipped ones. */
    TemplateResolver includes() {
        return this::find;
    }

    private static Optional<String> shipped(String file) {
        if (file.contains("/")) {
            return Optional.empty();
        }
        try (InputStream in = LegalTemplates.class.getResourceAsStream("templates/" + file)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped legal template " + file, e);
        }
    }
}
