package dev.atelier.legal.freemarker.internal;

import dev.atelier.spi.legal.DocumentData;
import dev.atelier.spi.legal.DocumentTemplate;
import dev.atelier.spi.legal.TemplateRenderException;
import freemarker.template.SimpleHash;
import freemarker.template.Template;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one template for one format on a worker thread, under a watchdog: a run that outlives the time limit is
 * interrupted (FreeMarker stops at its next loop turn or macro call), and output beyond the size limit stops it too.
 */
final class SandboxedRun {

    private final ExecutorService threads;
    private final Duration timeLimit;
    private final int outputLimit;

    SandboxedRun(ExecutorService threads, Duration timeLimit, int outputLimit) {
        this.threads = threads;
        this.timeLimit = timeLimit;
        this.outputLimit = outputLimit;
    }

    String render(DocumentTemplate template, DocumentData data, Format format) throws TemplateRenderException {
        ForbiddenBuiltins.check(template.name(), template.source());
        Future<String> run = threads.submit(() -> runOnce(template, data, format));
        try {
            return run.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            throw new TemplateRenderException("The template ran longer than " + timeLimit.toMillis() + " ms and was "
                    + "stopped; a list or a macro without end?", template.name(), 0, 0);
        } catch (ExecutionException e) {
            throw TemplateErrors.of(template.name(), e.getCause());
        } catch (InterruptedException e) {
            run.cancel(true);
            Thread.currentThread().interrupt();
            throw new TemplateRenderException("Rendering was interrupted", template.name(), 0, 0);
        }
    }

    private String runOnce(DocumentTemplate template, DocumentData data, Format format) throws Exception {
        SandboxConfiguration configuration = new SandboxConfiguration(template, format);
        Template parsed = configuration.getTemplate(template.name());
        BoundedWriter out = new BoundedWriter(outputLimit);
        parsed.process(new SimpleHash(data.values(), DataWrapper.INSTANCE), out);
        return format.layOut(out.toString());
    }
}
