package dev.atelier.web.operator;

import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.tenant.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Context of a generation an operator runs outside any tenant (the model preview): a platform pseudo-tenant with no
 * plugin configuration, a fixed deadline, and progress that goes nowhere.
 */
final class OperatorCallContext implements GenerationContext, TenantContext {

    private final String id = "preview-" + UUID.randomUUID();
    private final Instant deadline;

    OperatorCallContext(Duration timeout) {
        this.deadline = Instant.now().plus(timeout);
    }

    @Override
    public TenantContext tenant() {
        return this;
    }

    @Override
    public String jobId() {
        return id;
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public boolean isCancelled() {
        return Instant.now().isAfter(deadline);
    }

    @Override
    public void progress(int percent, String stage) {
        // A preview answers in one response; nobody watches its progress.
    }

    @Override
    public String tenantId() {
        return "platform";
    }

    @Override
    public String tenantSlug() {
        return "operator";
    }

    @Override
    public Map<String, String> pluginConfig() {
        return Map.of();
    }

    @Override
    public String correlationId() {
        return id;
    }
}
