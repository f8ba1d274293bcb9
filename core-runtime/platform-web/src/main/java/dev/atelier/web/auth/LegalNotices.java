package dev.atelier.web.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.atelier.legal.versions.Acceptances;
import dev.atelier.legal.versions.LegalVersionInfo;
import java.time.Duration;
import java.util.List;

/**
 * The legal notice banners of signed-in accounts ({@link Acceptances#announcements}), kept for a few seconds so a
 * busy user's pages do not query them on every request. An acceptance or dismissal made on this node drops the
 * account's entry at once, a version published on this node the tenant's entries; one made on another node shows
 * within {@link #TTL}, as fast as the pages kept for signed-out visitors follow a change.
 */
final class LegalNotices {

    /** As long as pages are kept for visitors ({@code PageCache}). */
    static final Duration TTL = Duration.ofSeconds(5);
    static final int MAX_ENTRIES = 50_000;

    private record Key(String tenantId, String accountId) {}

    private final Acceptances acceptances;
    private final Cache<Key, List<LegalVersionInfo>> kept = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterWrite(TTL)
            .build();

    LegalNotices(Acceptances acceptances) {
        this.acceptances = acceptances;
        acceptances.onChange((tenantId, accountId) -> kept.invalidate(new Key(tenantId, accountId)));
    }

    /** Drops the tenant's entries: it published a version, which may be announced to every account. */
    void published(String tenantId) {
        kept.asMap().keySet().removeIf(key -> key.tenantId().equals(tenantId));
    }

    /** The versions to announce to the account, as {@link Acceptances#announcements} tells. */
    List<LegalVersionInfo> of(String tenantId, String accountId) {
        return kept.get(new Key(tenantId, accountId), key -> acceptances.announcements(tenantId, accountId));
    }
}
