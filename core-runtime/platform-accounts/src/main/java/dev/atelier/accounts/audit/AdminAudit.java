package dev.atelier.accounts.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.accounts.internal.AdminAuditEntity;
import dev.atelier.core.ids.UuidV7;
import dev.atelier.core.tenants.TenantScope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log of tenant admins' changes. A change that runs in this module's persistence unit records its entry in
 * its own transaction ({@link #record(EntityManager, AuditActor, String, String, Map)}), so the change and its entry
 * are committed together or not at all; other changes record theirs right after they are committed
 * ({@link #record(String, AuditActor, String, String, Map)}). Every method takes the tenant id first (or an
 * EntityManager of the tenant): an entry is visible only in its tenant.
 */
public final class AdminAudit {

    /** Most entries one {@link #list} call returns. */
    public static final int MAX_PAGE = 100;
    /** Longest text kept per detail; longer values (a legal template) are cut, since the change itself holds them. */
    public static final int MAX_DETAIL_LENGTH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(AdminAudit.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CURSOR = Pattern.compile("(-?[0-9]{1,19}):([0-9]{1,9}):(aud_[0-9a-f]{32})");

    private final TenantScope scope;
    private final Clock clock;
    private final UuidV7 ids;

    public AdminAudit(TenantScope scope, Clock clock) {
        this.scope = scope;
        this.clock = clock;
        this.ids = new UuidV7(clock, new SecureRandom());
    }

    /** Records a change already committed, in a transaction of its own. */
    public void record(String tenantId, AuditActor actor, String action, String target, Map<String, ?> details) {
        scope.run(tenantId, em -> record(em, actor, action, target, details));
        LOG.info("Admin {} of tenant {} made change {} of {} in request {}", actor.accountId(), tenantId, action,
                target, actor.requestId());
    }

    /** Records a change in the transaction of {@code em}, a tenant-scoped EntityManager of the change. */
    public void record(EntityManager em, AuditActor actor, String action, String target, Map<String, ?> details) {
        Objects.requireNonNull(action, "action");
        // The database keeps microseconds: cursors are built from what was stored, so the entry's time is too.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        em.persist(new AdminAuditEntity("aud_" + ids.next().toString().replace("-", ""), at, actor.accountId(),
                actor.email(), action, target == null ? "" : target, json(details), actor.requestId()));
    }

    /**
     * Entries of the tenant, newest first.
     *
     * @param action only this action, or null for all
     * @param actor only changes by this admin (their email, letter case ignored), or null for everyone
     * @param cursor the {@link AuditPage#nextCursor()} of the page before, or null for the first page
     * @param limit entries per page, 1 to {@link #MAX_PAGE}
     * @throws InvalidAuditCursorException if the cursor was not handed out by this method
     */
    public AuditPage list(String tenantId, String action, String actor, String cursor, int limit) {
        int size = Math.max(1, Math.min(MAX_PAGE, limit));
        String[] after = cursor == null || cursor.isEmpty() ? null : decode(cursor);
        List<AdminAuditEntity> rows = scope.read(tenantId, em -> query(em, action, actor, after)
                .setMaxResults(size + 1).getResultList());
        List<AuditEntry> entries = new ArrayList<>();
        for (AdminAuditEntity row : rows.subList(0, Math.min(size, rows.size()))) {
            entries.add(entry(row));
        }
        String next = rows.size() > size ? encode(rows.get(size - 1)) : null;
        return new AuditPage(entries, next);
    }

    private static TypedQuery<AdminAuditEntity> query(EntityManager em, String action, String actor,
            String[] after) {
        StringBuilder jpql = new StringBuilder("SELECT a FROM AdminAuditEntity a WHERE 1 = 1");
        if (action != null && !action.isEmpty()) {
            jpql.append(" AND a.action = :action");
        }
        if (actor != null && !actor.isEmpty()) {
            jpql.append(" AND LOWER(a.actorEmail) = :actor");
        }
        if (after != null) {
            jpql.append(" AND (a.at < :at OR (a.at = :at AND a.id < :id))");
        }
        jpql.append(" ORDER BY a.at DESC, a.id DESC");
        TypedQuery<AdminAuditEntity> query = em.createQuery(jpql.toString(), AdminAuditEntity.class);
        if (action != null && !action.isEmpty()) {
            query.setParameter("action", action);
        }
        if (actor != null && !actor.isEmpty()) {
            query.setParameter("actor", actor.strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (after != null) {
            query.setParameter("at", Instant.ofEpochSecond(Long.parseLong(after[0]), Long.parseLong(after[1])));
            query.setParameter("id", after[2]);
        }
        return query;
    }

    private static String encode(AdminAuditEntity row) {
        String raw = row.at().getEpochSecond() + ":" + row.at().getNano() + ":" + row.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidAuditCursorException();
        }
        var matcher = CURSOR.matcher(raw);
        if (!matcher.matches()) {
            throw new InvalidAuditCursorException();
        }
        return new String[] {matcher.group(1), matcher.group(2), matcher.group(3)};
    }

    private static AuditEntry entry(AdminAuditEntity row) {
        return new AuditEntry(row.id(), row.at(), row.actorId(), row.actorEmail(), row.action(), row.target(),
                details(row.details()), row.requestId());
    }

    private static String json(Map<String, ?> details) {
        // Sorted by name, so equal details always read the same in the log and its downloads.
        Map<String, String> texts = new TreeMap<>();
        if (details != null) {
            details.forEach((key, value) -> texts.put(key, cut(value == null ? "" : String.valueOf(value))));
        }
        try {
            return JSON.writeValueAsString(texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit details could not be written as JSON", e);
        }
    }

    private static Map<String, String> details(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static String cut(String value) {
        return value.length() <= MAX_DETAIL_LENGTH ? value : value.substring(0, MAX_DETAIL_LENGTH) + "…";
    }
}
