/**
 * Legal document renderers: turn a tenant's legal document template (privacy policy, terms of service, or any other
 * kind a template defines) into HTML, plain text and Markdown.
 *
 * <h2>Who does what</h2>
 * The host owns the facts: it reads the tenant's legal settings (name, company, support email, effective date,
 * sections the admin turned on) and computes who processes personal data from the plugins and services the tenant
 * really uses. It hands them to the renderer as {@link dev.atelier.spi.legal.DocumentData}: plain text, numbers,
 * true/false, lists and maps, nothing else. The renderer owns the template language: it runs the template with that
 * data and nothing more, and returns the three formats at once ({@link dev.atelier.spi.legal.RenderedDocument}).
 * Document kinds are open: a new kind is a new template, never new code.
 *
 * <h2>Implementing a renderer</h2>
 * Implement {@link dev.atelier.spi.legal.LegalDocumentRenderer} and register it as an OSGi service with the service
 * property {@value dev.atelier.spi.legal.LegalDocumentRenderer#RENDERER_ID} naming it (the shipped one is
 * {@code freemarker}):
 *
 * <pre>{@code
 * @Component(property = LegalDocumentRenderer.RENDERER_ID + "=acme")
 * public final class AcmeRenderer implements LegalDocumentRenderer {
 *     public RenderedDocument render(DocumentTemplate template, DocumentData data, TenantContext tenant)
 *             throws TemplateRenderException {
 *         ...   // parse template.source(), resolve includes only through template.includes(), bound time and size
 *     }
 * }
 * }</pre>
 *
 * <p>Templates are written by tenant admins, who are not trusted with the server: a renderer must run them in a
 * sandbox. No object creation, no reflection, no Java method calls beyond the data given, no includes but those
 * {@link dev.atelier.spi.legal.TemplateResolver} finds, and bounded in time and output size. Every failure, a
 * refusal of the sandbox included, is a {@link dev.atelier.spi.legal.TemplateRenderException} with the template's
 * name, line and column, which the admin sees.
 *
 * <h2>Testing a renderer</h2>
 * Extend {@code dev.atelier.spi.testkit.LegalDocumentRendererContract} from {@code platform-spi-testkit}: it renders
 * documents in the three formats, checks includes, errors with their position, and tries the usual sandbox escapes.
 */
@Export
@Version("1.0.0")
package dev.atelier.spi.legal;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
