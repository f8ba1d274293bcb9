package dev.atelier.legal.freemarker.it;

import static dev.atelier.spi.testkit.osgi.FelixContainer.PLATFORM_API_SYMBOLIC_NAME;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertActive;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertExportsNothing;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsMention;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsNone;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertWiredOnlyTo;
import static dev.atelier.spi.testkit.osgi.FelixContainer.installedBundle;
import static dev.atelier.spi.testkit.osgi.FelixContainer.onlyServiceReference;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.atelier.spi.legal.DocumentData;
import dev.atelier.spi.legal.DocumentTemplate;
import dev.atelier.spi.legal.LegalDocumentRenderer;
import dev.atelier.spi.legal.RenderedDocument;
import dev.atelier.spi.legal.TemplateRenderException;
import dev.atelier.spi.legal.TemplateResolver;
import dev.atelier.spi.testkit.TestTenantContext;
import dev.atelier.spi.testkit.osgi.FelixContainer;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The built bundle inside a real Felix with SCR and nothing of the host but platform-api: it resolves with its own
 * FreeMarker, registers the renderer {@code freemarker}, renders a document and keeps its sandbox there too.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FreemarkerRendererBundleIT {

    private static final String SYMBOLIC_NAME = "dev.atelier.legal.freemarker";
    private static final DocumentData DATA = DocumentData.of(Map.of("tenant", Map.of("name", "AuraTuner"),
            "processors", List.of(Map.of("name", "Stripe"))));

    @Inject
    private BundleContext context;

    @Inject
    private LegalDocumentRenderer renderer;

    @Configuration
    public Option[] configuration() {
        return FelixContainer.options("atelier.it.bundle");
    }

    @Test
    public void bundleResolvesAndStartsWithOnlyPlatformApiFromTheHost() {
        Bundle bundle = installedBundle(context, SYMBOLIC_NAME);

        assertActive(bundle);
        assertImportsMention(bundle, "dev.atelier.spi.legal");
        assertImportsNone(bundle, "freemarker", "org.slf4j", "org.osgi.framework");
        assertExportsNothing(bundle);
        assertWiredOnlyTo(bundle, PLATFORM_API_SYMBOLIC_NAME);
        onlyServiceReference(context, LegalDocumentRenderer.class, LegalDocumentRenderer.RENDERER_ID, "freemarker",
                SYMBOLIC_NAME);
    }

    @Test
    public void rendersADocumentInTheThreeFormats() throws Exception {
        RenderedDocument document = renderer.render(new DocumentTemplate("privacy.ftl", """
                <@doc.title>${tenant.name} Privacy Policy</@doc.title>
                <@doc.list><#list processors as p><@doc.item>${p.name}</@doc.item></#list></@doc.list>
                """, TemplateResolver.NONE), DATA, TestTenantContext.defaults());

        assertEquals("AuraTuner Privacy Policy\n- Stripe\n", document.text());
        assertTrue(document.markdown().startsWith("# AuraTuner Privacy Policy"));
        assertTrue(document.html().contains("<h1>AuraTuner Privacy Policy</h1>"));
    }

    @Test
    public void keepsTheSandboxInsideTheContainer() {
        for (String escape : List.of("${\"freemarker.template.utility.Execute\"?new()(\"id\")}", "${tenant?api}",
                "<#list 1.. as i></#list>")) {
            try {
                renderer.render(new DocumentTemplate("t.ftl", escape, TemplateResolver.NONE), DATA,
                        TestTenantContext.defaults());
                fail("rendered " + escape);
            } catch (TemplateRenderException expected) {
                assertTrue(expected.getMessage(), !expected.getMessage().isBlank());
            }
        }
    }
}
