package dev.atelier.web.pages;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.theme.TemplateFailure;
import java.time.Duration;
import java.util.Map;

/**
 * Recently rendered pages for visitors who are not signed in, so a busy landing page is rendered a few times a
 * minute instead of on every request. An entry is reused only while nothing it was made from changed: the key holds
 * the tenant's version (its updatedAt), the page's path, and the model snapshot; theme files are re-read by
 * FreeMarker every few seconds, so entries also expire after {@link #TTL}. Filled by {@link PageRenderer}; read by it
 * and, before Jersey, by the site's cached-page filter.
 *
 * <p>Why Caffeine: it evicts the least useful entries one by one when full (a map that starts over when full made
 * every page miss at once), and requests that miss the same page together wait for one rendering of it instead of
 * each rendering it.
 */
public final class PageCache {

    /** Matches FreeMarker's default template update delay: a theme file edit shows as soon as it would uncached. */
    static final Duration TTL = Duration.ofSeconds(5);

    /** The most pages kept; keeps memory flat with many tenants and odd paths. */
    static final int MAX_ENTRIES = 10_000;

    /**
     * What a page's HTML depends on. Each page path has one template and title, so the path stands for both.
     * {@code models} is the deployed-model list instance, replaced when bundles change.
     */
    public record Key(String tenantId, long tenantVersion, String path, Object models) {}

    /** The key of a page of {@code tenant} at {@code path}. */
    public static Key key(Tenant tenant, String path, Object models) {
        return new Key(tenant.id(), tenant.updatedAt() == null ? 0 : tenant.updatedAt().toEpochMilli(), path, models);
    }

    /**
     * What a page shared by signed-in users depends on: the page, and the viewer's data but for the texts spliced in
     * ({@link ViewerTexts#shape()}).
     */
    record SplicedKey(Key page, Map<String, Object> shape) {}

    /** Renders a page; a failure is not cached. */
    @FunctionalInterface
    interface Renderer {
        byte[] render() throws TemplateFailure;
    }

    /** Carries a rendering's failure out of Caffeine's loader, which may not throw checked exceptions. */
    private static final class RenderFailed extends RuntimeException {
        RenderFailed(TemplateFailure failure) {
            super(failure);
        }
    }

    private final Cache<Key, byte[]> entries = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterWrite(TTL)
            .build();

    /** Pages shared by signed-in users, split where each user's texts go; same lifetime as {@link #entries}. */
    private final Cache<SplicedKey, SplicedPage> spliced = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterWrite(TTL)
            .build();

    /** Drops the pages of {@code tenantId}, or of every tenant when it is {@code null}. */
    public void invalidate(String tenantId) {
        if (tenantId == null) {
            entries.invalidateAll();
            spliced.invalidateAll();
        } else {
            entries.asMap().keySet().removeIf(key -> key.tenantId().equals(tenantId));
            spliced.asMap().keySet().removeIf(key -> key.page().tenantId().equals(tenantId));
        }
    }

    /** The kept page shared by signed-in users for {@code key}, or {@code null}. */
    SplicedPage findSpliced(SplicedKey key) {
        return spliced.getIfPresent(key);
    }

    /** Makes a page shared by signed-in users; a failure is not cached. */
    @FunctionalInterface
    interface Splicer {
        SplicedPage splice() throws TemplateFailure;
    }

    /** The shared page for {@code key}, making (and caching) it with {@code splice} when missing or expired. */
    SplicedPage spliced(SplicedKey key, Splicer splice) throws TemplateFailure {
        try {
            return spliced.get(key, missing -> {
                try {
                    return splice.splice();
                } catch (TemplateFailure failure) {
                    throw new RenderFailed(failure);
                }
            });
        } catch (RenderFailed failed) {
            throw (TemplateFailure) failed.getCause();
        }
    }

    /** The cached HTML for {@code key}, or {@code null} when there is none or it expired. */
    public byte[] find(Key key) {
        return entries.getIfPresent(key);
    }

    /** The cached HTML for {@code key}, rendering (and caching) it with {@code render} when missing or expired. */
    byte[] get(Key key, Renderer render) throws TemplateFailure {
        try {
            return entries.get(key, missing -> {
                try {
                    return render.render();
                } catch (TemplateFailure failure) {
                    throw new RenderFailed(failure);
                }
            });
        } catch (RenderFailed failed) {
            throw (TemplateFailure) failed.getCause();
        }
    }
}
