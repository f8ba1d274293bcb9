package dev.atelier.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atelier.spi.legal.DocumentData;
import dev.atelier.spi.legal.DocumentTemplate;
import dev.atelier.spi.legal.LegalDocumentRenderer;
import dev.atelier.spi.legal.RenderedDocument;
import dev.atelier.spi.legal.TemplateRenderException;
import dev.atelier.spi.legal.TemplateResolver;
import dev.atelier.spi.tenant.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link LegalDocumentRenderer} owes the host. A renderer bundle is done when its test extending
 * this class passes. Templates are written in the renderer's own language, so the subclass supplies each one; the
 * contract supplies the data and checks what comes out.
 *
 * <pre>{@code
 * class AcmeRendererTest extends LegalDocumentRendererContract {
 *     protected LegalDocumentRenderer createRenderer() { return new AcmeRenderer(); }
 *     protected String documentTemplate() { return "..."; }   // and the other templates below
 * }
 * }</pre>
 *
 * <p>What is checked:
 *
 * <ul>
 *   <li><b>three formats</b>: one template gives HTML, text and Markdown of the same document; text has one block per
 *       line, list items start with {@code "- "}; Markdown marks the title {@code "# "}; HTML escapes every value;
 *   <li><b>includes</b> come from the template's resolver only; a name it does not know is an error;
 *   <li><b>errors</b> name the template, line and column;
 *   <li><b>sandbox</b>: each of {@link #escapeAttempts()} is refused with an error, an endless template is stopped
 *       within {@link #stopWithin()}, a template writing without end is stopped before it exhausts memory.
 * </ul>
 */
public abstract class LegalDocumentRendererContract {

    /** The data {@link #documentTemplate()} is rendered with. */
    protected static final DocumentData DATA = DocumentData.of(Map.of(
            "tenant", Map.of("name", "Ada & <Co>"),
            "processors", List.of(Map.of("name", "Stripe"), Map.of("name", "Cloudflare R2"))));

    private LegalDocumentRenderer renderer;

    /** The renderer as its component would create it. */
    protected abstract LegalDocumentRenderer createRenderer();

    /**
     * A template showing, in this order: a title "Privacy Policy"; a paragraph "Written for NAME." with
     * {@code tenant.name}, where the template's source breaks that paragraph over two lines; a list with one item per
     * entry of {@code processors}, each its {@code name}.
     */
    protected abstract String documentTemplate();

    /** A template that includes the template named {@code name} and nothing else. */
    protected abstract String includingTemplate(String name);

    /** A template (named {@code broken}) whose second line, column 1 or later, is a syntax error. */
    protected abstract String brokenTemplate();

    /** Templates that try to leave the sandbox, by what they try; each must be refused. */
    protected abstract Map<String, String> escapeAttempts();

    /** A template that never ends (an endless loop, or a macro calling itself without end). */
    protected abstract List<String> endlessTemplates();

    /** A template that writes without end, a gigabyte and more. */
    protected abstract String endlessOutputTemplate();

    /** How soon an endless template must be stopped. */
    protected Duration stopWithin() {
        return Duration.ofSeconds(30);
    }

    /** The tenant of every call. */
    protected TenantContext tenant() {
        return TestTenantContext.defaults();
    }

    @BeforeEach
    void createTheRenderer() {
        renderer = createRenderer();
    }

    @Test
    void rendersOneTemplateAsTextMarkdownAndEscapedHtml() throws Exception {
        RenderedDocument document = render(documentTemplate(), TemplateResolver.NONE);

        assertThat(document.text().lines()).containsExactly("Privacy Policy", "Written for Ada & <Co>.", "- Stripe",
                "- Cloudflare R2");
        assertThat(document.markdown().lines()).contains("# Privacy Policy", "- Stripe", "- Cloudflare R2");
        assertThat(document.html()).contains("Ada &amp; &lt;Co&gt;").doesNotContain("<Co>").contains("Cloudflare R2");
    }

    @Test
    void includesWhatTheResolverFindsAndNothingElse() throws Exception {
        TemplateResolver resolver = name -> name.equals("part.tpl") ? Optional.of(documentTemplate())
                : Optional.empty();

        RenderedDocument document = render(includingTemplate("part.tpl"), resolver);
        assertThat(document.text()).contains("Written for Ada & <Co>.");

        for (String outside : List.of("missing.tpl", "/etc/passwd", "../../../etc/passwd")) {
            assertThatThrownBy(() -> render(includingTemplate(outside), resolver))
                    .as("including %s", outside).isInstanceOf(TemplateRenderException.class);
        }
    }

    @Test
    void namesTheLineAndColumnOfAnError() {
        TemplateRenderException error = catchThrowableOfType(() -> renderer.render(new DocumentTemplate("broken",
                brokenTemplate(), TemplateResolver.NONE), DATA, tenant()), TemplateRenderException.class);

        assertThat(error).isNotNull();
        assertThat(error.templateName()).isEqualTo("broken");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isPositive();
        assertThat(error.getMessage()).isNotBlank();
    }

    @Test
    void refusesEveryWayOutOfTheSandbox() {
        escapeAttempts().forEach((attempt, source) -> assertThatThrownBy(() -> render(source, TemplateResolver.NONE))
                .as(attempt).isInstanceOf(TemplateRenderException.class)
                .satisfies(e -> assertThat(e.getMessage()).as(attempt).isNotBlank()));
    }

    @Test
    void stopsATemplateThatNeverEnds() {
        for (String endless : endlessTemplates()) {
            Instant start = Instant.now();
            assertThatThrownBy(() -> render(endless, TemplateResolver.NONE))
                    .isInstanceOf(TemplateRenderException.class);
            assertThat(Duration.between(start, Instant.now())).isLessThan(stopWithin());
        }
    }

    @Test
    void stopsATemplateThatWritesWithoutEnd() {
        assertThatThrownBy(() -> render(endlessOutputTemplate(), TemplateResolver.NONE))
                .isInstanceOf(TemplateRenderException.class);
    }

    private RenderedDocument render(String source, TemplateResolver includes) throws TemplateRenderException {
        return renderer.render(new DocumentTemplate("document", source, includes), DATA, tenant());
    }
}
