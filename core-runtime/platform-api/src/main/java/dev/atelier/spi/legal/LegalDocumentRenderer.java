package dev.atelier.spi.legal;

import dev.atelier.spi.plugin.PluginService;
import dev.atelier.spi.tenant.TenantContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Renders one legal document of a tenant from its template and the facts the host computed.
 *
 * <p>Implemented by plugin bundles, registered as an OSGi service under this interface with the service property
 * {@link #RENDERER_ID}. Implementations must be thread-safe and keep no per-tenant state. Templates come from tenant
 * admins: run them sandboxed (see the package documentation).
 */
@ConsumerType
public interface LegalDocumentRenderer extends PluginService {

    /** Service property naming the renderer, for example {@code "freemarker"}. Required. */
    String RENDERER_ID = "atelier.legal.renderer.id";

    /**
     * Renders {@code template} with {@code data} into HTML, plain text and Markdown.
     *
     * @param template the template's name and source, and where its includes may come from
     * @param data what the template may read; nothing else is reachable from it
     * @param tenant the tenant the document is for, and its settings for this renderer
     * @return the three formats, rendered from the same template and data
     * @throws TemplateRenderException when the template cannot be parsed, fails while running, or is stopped by the
     *     sandbox (a forbidden construct, an include it may not read, too much output, too long a run)
     */
    RenderedDocument render(DocumentTemplate template, DocumentData data, TenantContext tenant)
            throws TemplateRenderException;
}
