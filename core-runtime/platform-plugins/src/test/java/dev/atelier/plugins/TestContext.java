package dev.atelier.plugins;

import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.tenant.TenantContext;
import dev.atelier.spi.testkit.TestTenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The host-side context of one test call: the SPI testkit's tenant and a deadline. */
record TestContext(Instant deadline) implements GenerationContext {

    static TestContext withTimeLimit(Duration limit) {
        return new TestContext(Instant.now().plus(limit));
    }

    static TestContext relaxed() {
        return withTimeLimit(Duration.ofSeconds(30));
    }

    static GenerationRequest prompt(String prompt) {
        return GenerationRequest.of(prompt, Map.of());
    }

    @Override
    public TenantContext tenant() {
        return TestTenantContext.defaults();
    }

    @Override
    public String jobId() {
        return "job_test";
    }

    @Override
    public boolean isCancelled() {
        return !Instant.now().isBefore(deadline);
    }

    @Override
    public void progress(int percent, String stage) {}
}
