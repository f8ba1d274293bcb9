package dev.atelier.launcher;

import dev.atelier.accounts.AccountChanges;
import dev.atelier.accounts.SignedInUsers;
import dev.atelier.cluster.AccountChanged;
import dev.atelier.cluster.ApiTokensRevoked;
import dev.atelier.cluster.BundleChanged;
import dev.atelier.cluster.ClusterEvents;
import dev.atelier.cluster.CallbackReceived;
import dev.atelier.cluster.JobChanged;
import dev.atelier.cluster.JobsQueued;
import dev.atelier.cluster.PagesInvalidated;
import dev.atelier.cluster.SessionsRevoked;
import dev.atelier.cluster.TenantChanged;
import dev.atelier.config.AtelierConfig;
import dev.atelier.config.Keys;
import dev.atelier.core.db.Database;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantModule;
import dev.atelier.generation.GenerationModule;
import dev.atelier.generation.JobSignals;
import dev.atelier.plugins.DeploymentEvent;
import dev.atelier.redis.Redis;
import dev.atelier.web.TenantWeb;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects this node's caches and followers to the cluster events: what changes here is published, what another node
 * publishes is applied here. Signed-in users are kept in memory for a short while ({@link SignedInUsers}): sessions
 * ended and accounts changed here are published ({@link SessionsRevoked}, {@link AccountChanged}) and drop what every
 * other node keeps of them. API tokens are read from the database on every request, so their revocation holds on every
 * node without an event.
 */
final class ClusterWiring {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterWiring.class);

    private final ClusterEvents events;

    private ClusterWiring(ClusterEvents events) {
        this.events = events;
    }

    /** Events over Redis when one is configured, else over PostgreSQL; not started yet. */
    static ClusterWiring open(AtelierConfig config, Database database, Optional<Redis> redis) throws SQLException {
        ClusterEvents.Settings settings = new ClusterEvents.Settings(config.get(Keys.CLUSTER_CATCH_UP_INTERVAL),
                config.get(Keys.CLUSTER_CHANGE_RETENTION));
        return new ClusterWiring(redis.isPresent()
                ? ClusterEvents.overRedis(redis.get(), database.dataSource(), settings)
                : ClusterEvents.overPostgres(database::openUnpooled, database.dataSource(), settings));
    }

    /**
     * Events sent by a command run beside the nodes (it listens to nothing); closing it waits briefly for what it
     * sent.
     */
    static Publisher publisher(AtelierConfig config, Database database) throws SQLException {
        String url = config.get(Keys.REDIS_URL);
        Optional<Redis> redis = url.isEmpty() ? Optional.empty() : Optional.of(Redis.at(url));
        try {
            return new Publisher(open(config, database, redis), redis);
        } catch (SQLException | RuntimeException e) {
            redis.ifPresent(Redis::close);
            throw e;
        }
    }

    /** What a command tells the running nodes. */
    static final class Publisher implements AutoCloseable {

        private final ClusterWiring wiring;
        private final Optional<Redis> redis;

        private Publisher(ClusterWiring wiring, Optional<Redis> redis) {
            this.wiring = wiring;
            this.redis = redis;
        }

        /** Publishes the tenant changes made through {@code tenants}. */
        void tenants(TenantModule tenants) {
            tenants.onChange(tenantId -> wiring.events.publish(new TenantChanged(tenantId)));
        }

        @Override
        public void close() {
            wiring.events.close();
            redis.ifPresent(Redis::close);
        }
    }

    /** The events themselves. */
    ClusterEvents events() {
        return events;
    }

    /** Tenant changes made here are published; those made elsewhere reload the directory and drop caches here. */
    void tenants(TenantModule tenants, TenantWeb web) {
        tenants.onChange(tenantId -> events.publish(new TenantChanged(tenantId)));
        events.subscribe(TenantChanged.class, changed -> {
            tenants.reload();
            if (changed.tenantId() == null) {
                tenants.directory().all().stream().map(Tenant::id).forEach(web::tenantChanged);
            } else {
                web.tenantChanged(changed.tenantId());
            }
            LOG.info("Tenant {} changed on another node: reloaded", changed.tenantId() == null ? "(all)"
                    : changed.tenantId());
        });
        events.subscribe(PagesInvalidated.class, invalidated -> web.invalidatePages(invalidated.tenantId()));
    }

    /**
     * Sessions ended, API tokens revoked and accounts changed here are published; those of other nodes, and tenant changes anywhere (a
     * tenant's admin list), drop what this node keeps of the signed-in users concerned.
     */
    void accounts(AccountChanges changes, SignedInUsers users, TenantModule tenants) {
        changes.onChange(change -> events.publish(switch (change.kind()) {
            case SESSIONS_ENDED -> new SessionsRevoked(change.tenantId(), change.accountId(), change.sessionId());
            case TOKENS_REVOKED -> new ApiTokensRevoked(change.tenantId(), change.accountId(), null);
            case DETAILS_CHANGED -> new AccountChanged(change.tenantId(), change.accountId());
        }));
        events.subscribe(SessionsRevoked.class, ended -> users.forget(ended.tenantId(), ended.accountId(),
                ended.sessionId()));
        events.subscribe(ApiTokensRevoked.class, revoked -> users.forget(revoked.tenantId(), revoked.accountId(),
                null));
        events.subscribe(AccountChanged.class, changed -> users.forget(changed.tenantId(), changed.accountId(),
                null));
        tenants.onChange(tenantId -> users.forget(tenantId, null, null));
        events.subscribe(TenantChanged.class, changed -> users.forget(changed.tenantId(), null, null));
    }

    /** Drops the pages kept for a tenant's visitors ({@code null}: every tenant's) here and on every node. */
    void invalidatePages(TenantWeb web, String tenantId) {
        web.invalidatePages(tenantId);
        events.publish(new PagesInvalidated(tenantId));
    }

    /**
     * Job changes here wake followers everywhere, jobs queued here wake idle workers everywhere, vendor messages
     * received here wake the worker running their job wherever it is; and the other way round.
     */
    void jobs(GenerationModule generation) {
        JobSignals signals = generation.signals();
        signals.relayTo(jobId -> events.publish(new JobChanged(jobId)));
        events.subscribe(JobChanged.class, changed -> signals.changedElsewhere(changed.jobId()));
        generation.relayQueuedTo(() -> events.publish(new JobsQueued()));
        events.subscribe(JobsQueued.class, queued -> generation.queuedElsewhere());
        JobSignals arrivals = generation.callbacks().arrivals();
        arrivals.relayTo(jobId -> events.publish(new CallbackReceived(jobId)));
        events.subscribe(CallbackReceived.class, received -> arrivals.changedElsewhere(received.jobId()));
    }

    /**
     * Starts listening; then re-reads the tenants, in case one changed between their first read and now, and tells
     * the running nodes when this node applied changed tenant folders as it started.
     */
    void start(TenantModule tenants, boolean foldersChanged) throws SQLException {
        events.start();
        tenants.reload();
        if (foldersChanged) {
            events.publish(new TenantChanged(null));
        }
    }

    /** A bundle deployed, updated (an older version is a rollback) or removed on this node. */
    void bundle(DeploymentEvent event) {
        BundleChanged.Action action = actionOf(event);
        if (action != null && event.symbolicName() != null) {
            events.publish(new BundleChanged(event.symbolicName(), event.version(), action));
        }
    }

    /** What a deployment did to its bundle, or {@code null} for a jar that failed to deploy. */
    static BundleChanged.Action actionOf(DeploymentEvent event) {
        return switch (event.action()) {
            case DeploymentEvent.INSTALLED -> BundleChanged.Action.DEPLOYED;
            case DeploymentEvent.UPDATED -> olderThanBefore(event) ? BundleChanged.Action.ROLLED_BACK
                    : BundleChanged.Action.UPDATED;
            case DeploymentEvent.REMOVED -> BundleChanged.Action.REMOVED;
            default -> null;
        };
    }

    private static boolean olderThanBefore(DeploymentEvent event) {
        String prefix = "updated from ";
        if (event.version() == null || event.detail() == null || !event.detail().startsWith(prefix)) {
            return false;
        }
        try {
            return org.osgi.framework.Version.parseVersion(event.version())
                    .compareTo(org.osgi.framework.Version.parseVersion(event.detail().substring(prefix.length())))
                    < 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
