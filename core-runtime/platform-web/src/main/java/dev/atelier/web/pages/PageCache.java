package dev.atelier.web.pages;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.theme.TemplateFailure;

/**
 * Recently rendered pages for visitors who are not signed in, so a busy landing page is rendered a few times a
 * minute instead of on every request. An entry is reused only while nothing it was made from changed: the key holds
 * the tenant's version (its updatedAt), the page's path, and the model snapshot; theme files are re-read by
 * FreeMarker every few seconds, so entries also expire after {@link #TTL_NANOS}. Filled by {@link PageRenderer};
 * read by it and, before Jersey, by the site's cached-page filter.
 */
public final class PageCache {

    /** Matches FreeMarker's default template update delay: a theme file edit shows as soon as it would uncached. */
    static final long TTL_NANOS = 5_000_000_000L;

    /** Beyond this many entries the cache starts over; keeps memory flat with many tenants and odd paths. */
    static final int MAX_ENTRIES = 10_000;

    /**
     * What a page's HTML depends on. Each page path has one template and title, so the path stands for both.
     * {@code models} is the deployed-model list instance, replaced when bundles change.
     */
    public record Key(String tenantId, long tenantVersion, String path, Object models) {}

    private record Entry(byte[] html, long expiresAt) {}

    /** The key of a page of {@code tenant} at {@code path}. */
    public static Key key(Tenant tenant, String path, Object models) {
        return new Key(tenant.id(), tenant.updatedAt() == null ? 0 : tenant.updatedAt().toEpochMilli(), path, models);
    }

    /** Renders a page; a failure is not cached. */
    @FunctionalInterface
    interface Renderer {
        byte[] render() throws TemplateFailure;
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    /** Drops the pages of {@code tenantId}, or of every tenant when it is {@code null}. */
    public void invalidate(String tenantId) {
        if (tenantId == null) {
            entries.clear();
        } else {
            entries.keySet().removeIf(key -> key.tenantId().equals(tenantId));
        }
    }

    /** The cached HTML for {@code key}, or {@code null} when there is none or it expired. */
    public byte[] find(Key key) {
        Entry entry = entries.get(key);
        return entry != null && System.nanoTime() - entry.expiresAt() < 0 ? entry.html() : null;
    }

    /** The cached HTML for {@code key}, rendering (and caching) it with {@code render} when missing or expired. */
    byte[] get(Key key, Renderer render) throws TemplateFailure {
        byte[] cached = find(key);
        if (cached != null) {
            return cached;
        }
        long now = System.nanoTime();
        byte[] html = render.render();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(html, now + TTL_NANOS));
        return html;
    }
}
