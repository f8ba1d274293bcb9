package dev.atelier.legal.freemarker.internal;

import dev.atelier.spi.legal.DocumentData;
import dev.atelier.spi.legal.DocumentTemplate;
import dev.atelier.spi.legal.LegalDocumentRenderer;
import dev.atelier.spi.legal.RenderedDocument;
import dev.atelier.spi.legal.TemplateRenderException;
import dev.atelier.spi.tenant.TenantContext;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Legal documents from FreeMarker templates, sandboxed (see {@link SandboxConfiguration}): one template, rendered once
 * per format with that format's block library imported as {@code doc}.
 */
@Component(property = LegalDocumentRenderer.RENDERER_ID + "=" + FreemarkerRenderer.ID)
public final class FreemarkerRenderer implements LegalDocumentRenderer {

    /** The renderer id tenants get by default. */
    public static final String ID = "freemarker";
    /** A real policy renders in milliseconds; this stops an endless template without failing a slow machine. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(3);
    /** Far above any legal document (the reference privacy policy is about 5,000 characters). */
    static final int OUTPUT_LIMIT = 1_000_000;

    private final ExecutorService threads;
    private final SandboxedRun run;

    /** Component constructor. */
    public FreemarkerRenderer() {
        this(TIME_LIMIT, OUTPUT_LIMIT);
    }

    /** With other limits, for tests. */
    FreemarkerRenderer(Duration timeLimit, int outputLimit) {
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "legal-freemarker-" + count.incrementAndGet());
            // A template the watchdog could not stop must not keep the framework from shutting down.
            thread.setDaemon(true);
            return thread;
        });
        this.run = new SandboxedRun(threads, timeLimit, outputLimit);
    }

    @Override
    public RenderedDocument render(DocumentTemplate template, DocumentData data, TenantContext tenant)
            throws TemplateRenderException {
        return new RenderedDocument(run.render(template, data, Format.HTML), run.render(template, data, Format.TEXT),
                run.render(template, data, Format.MARKDOWN));
    }

    @Deactivate
    void deactivate() {
        threads.shutdownNow();
    }
}
