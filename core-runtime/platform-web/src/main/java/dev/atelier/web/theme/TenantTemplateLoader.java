package dev.atelier.web.theme;

import dev.atelier.web.tenant.TenantSiteData;
import freemarker.cache.TemplateLoader;
import java.io.Reader;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tenant's template overrides, first in the lookup chain. One instance per tenant version ({@code updatedAt}), so
 * lookups, including misses, are asked of the store once.
 */
final class TenantTemplateLoader implements TemplateLoader {

    private record Source(String name, String text) {}

    private final String tenantId;
    private final long version;
    private final TenantSiteData data;
    private final Map<String, Optional<String>> seen = new ConcurrentHashMap<>();

    TenantTemplateLoader(String tenantId, long version, TenantSiteData data) {
        this.tenantId = tenantId;
        this.version = version;
        this.data = data;
    }

    boolean has(String name) {
        return lookup(name).isPresent();
    }

    private Optional<String> lookup(String name) {
        return seen.computeIfAbsent(name, n -> data.template(tenantId, n));
    }

    @Override
    public Object findTemplateSource(String name) {
        return lookup(name).map(text -> new Source(name, text)).orElse(null);
    }

    @Override
    public long getLastModified(Object source) {
        return version;
    }

    @Override
    public Reader getReader(Object source, String encoding) {
        return new StringReader(((Source) source).text());
    }

    @Override
    public void closeTemplateSource(Object source) {}
}
