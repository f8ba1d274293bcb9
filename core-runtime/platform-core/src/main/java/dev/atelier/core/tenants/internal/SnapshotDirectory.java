package dev.atelier.core.tenants.internal;

import dev.atelier.core.secrets.SecretBox;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantDirectory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link TenantDirectory} answering from an immutable in-memory snapshot, replaced whole by {@link #reload()}. */
public final class SnapshotDirectory implements TenantDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotDirectory.class);

    private record Snapshot(Map<String, Tenant> byHost, Map<String, Tenant> bySlug, Map<String, Tenant> byId,
            List<Tenant> all) {}

    private final EntityManagerFactory entityManagerFactory;
    private final SecretBox secrets;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of(), List.of());
    private final List<java.util.function.Consumer<String>> changeListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public SnapshotDirectory(EntityManagerFactory entityManagerFactory, SecretBox secrets) {
        this.entityManagerFactory = entityManagerFactory;
        this.secrets = secrets;
    }

    /** Reads every tenant from the database and swaps the snapshot in; serialized so an older read never wins. */
    public synchronized void reload() {
        EntityManager em = entityManagerFactory.createEntityManager();
        try {
            Map<String, List<String>> hosts = new HashMap<>();
            em.createNamedQuery(TenantHostEntity.ALL, TenantHostEntity.class)
                    .getResultStream()
                    .forEach(h -> hosts.computeIfAbsent(h.tenantId(), id -> new ArrayList<>()).add(h.host()));
            Map<String, Tenant> byHost = new HashMap<>();
            Map<String, Tenant> bySlug = new TreeMap<>();
            Map<String, Tenant> byId = new HashMap<>();
            for (TenantEntity row : em.createNamedQuery(TenantEntity.ALL, TenantEntity.class)
                    .getResultList()) {
                Tenant tenant = TenantMapping.toTenant(row, hosts.getOrDefault(row.id(), List.of()), secrets);
                bySlug.put(tenant.slug(), tenant);
                byId.put(tenant.id(), tenant);
                tenant.hosts().forEach(host -> byHost.put(host, tenant));
            }
            snapshot = new Snapshot(Map.copyOf(byHost), Map.copyOf(bySlug), Map.copyOf(byId),
                    List.copyOf(bySlug.values()));
            LOG.debug("Tenant directory reloaded: {} tenants", bySlug.size());
        } finally {
            em.close();
        }
    }

    /**
     * A change made on this node was committed: reloads, then tells the listeners (the other nodes learn of it
     * through them).
     *
     * @param tenantId the tenant changed, or {@code null} when several may have
     */
    public void changed(String tenantId) {
        reload();
        changeListeners.forEach(listener -> listener.accept(tenantId));
    }

    /** Calls {@code listener} after each change made on this node ({@link #changed}); not after a plain reload. */
    public void onChange(java.util.function.Consumer<String> listener) {
        changeListeners.add(listener);
    }

    @Override
    public Optional<Tenant> byHost(String host) {
        if (host == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(snapshot.byHost().get(withoutPort(host.strip()).toLowerCase(Locale.ROOT)));
    }

    @Override
    public Optional<Tenant> bySlug(String slug) {
        return Optional.ofNullable(snapshot.bySlug().get(slug));
    }

    // Rate limits look their tenant up by id on every limited request.
    @Override
    public Optional<Tenant> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(snapshot.byId().get(id));
    }

    @Override
    public List<Tenant> all() {
        return snapshot.all();
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close < 0 ? host : host.substring(0, close + 1);
        }
        int colon = host.lastIndexOf(':');
        String bare = colon < 0 ? host : host.substring(0, colon);
        return bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
    }
}
