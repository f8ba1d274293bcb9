package dev.atelier.web.legal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.atelier.legal.versions.Acceptances;
import dev.atelier.legal.versions.DocumentStanding;
import dev.atelier.legal.versions.LegalVersionInfo;
import java.time.Duration;
import java.util.List;

/**
 * Where each signed-in account stands with its tenant's legal documents ({@link Acceptances#standings}), kept for a
 * few seconds so that a busy user's pages (the banners) and submissions (the {@link AcceptanceGate}) do not query it on
 * every request. An acceptance or dismissal made on this node drops the account's entry at once, a version published
 * on this node the tenant's entries; one made on another node shows within {@link #TTL}, as fast as the pages kept for
 * signed-out visitors follow a change.
 */
public final class LegalStandings {

    /** As long as pages are kept for visitors ({@code PageCache}). */
    static final Duration TTL = Duration.ofSeconds(5);
    static final int MAX_ENTRIES = 50_000;

    private record Key(String tenantId, String accountId) {}

    private final Acceptances acceptances;
    private final Cache<Key, List<DocumentStanding>> kept = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterWrite(TTL)
            .build();

    public LegalStandings(Acceptances acceptances) {
        this.acceptances = acceptances;
        acceptances.onChange((tenantId, accountId) -> kept.invalidate(new Key(tenantId, accountId)));
    }

    /** Drops the tenant's entries: it published a version, which may be announced to, or required of, every account. */
    public void published(String tenantId) {
        kept.asMap().keySet().removeIf(key -> key.tenantId().equals(tenantId));
    }

    /** The versions to announce to the account with a banner, as {@link Acceptances#announcements} tells. */
    public List<LegalVersionInfo> announcements(String tenantId, String accountId) {
        return Acceptances.toAnnounce(standings(tenantId, accountId));
    }

    /** The versions the account must accept before generating or buying, as {@link Acceptances#mustAccept} tells. */
    public List<LegalVersionInfo> mustAccept(String tenantId, String accountId) {
        return Acceptances.toAccept(standings(tenantId, accountId));
    }

    private List<DocumentStanding> standings(String tenantId, String accountId) {
        return kept.get(new Key(tenantId, accountId), key -> acceptances.standings(tenantId, accountId));
    }
}
