package dev.atelier.web.theme;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The most recent template errors per tenant, in memory, for the tenant's admin area. Newest first. */
public final class TemplateErrors {

    private static final int KEEP_PER_TENANT = 20;

    private final Map<String, Deque<TemplateError>> byTenant = new ConcurrentHashMap<>();

    public void record(String tenantId, TemplateError error) {
        Deque<TemplateError> errors = byTenant.computeIfAbsent(tenantId, id -> new ArrayDeque<>());
        synchronized (errors) {
            // The same broken line fails on every request: keep one entry, with the latest time.
            errors.removeIf(e -> e.file().equals(error.file()) && e.line() == error.line()
                    && e.message().equals(error.message()));
            errors.addFirst(error);
            while (errors.size() > KEEP_PER_TENANT) {
                errors.removeLast();
            }
        }
    }

    public List<TemplateError> of(String tenantId) {
        Deque<TemplateError> errors = byTenant.get(tenantId);
        if (errors == null) {
            return List.of();
        }
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    /** Forgets a tenant's errors, e.g. after its templates changed. */
    public void clear(String tenantId) {
        byTenant.remove(tenantId);
    }

    static TemplateError now(String file, int line, String message) {
        return new TemplateError(file, line, message, Instant.now());
    }
}
