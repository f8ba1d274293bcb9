package dev.atelier.generation.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Which queued job a worker takes next. Jobs wait in lanes, one per tenant and model.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>A suspended tenant's lanes wait until it is resumed (its queued jobs expire as usual meanwhile).
 *   <li>A model at its cluster-wide limit ({@link ModelLimits}) is skipped: its lanes wait, every other lane moves.
 *   <li>Fair share between tenants: the job whose tenant would then run the fewest jobs goes first. A tenant's
 *       n-th waiting job counts as its running jobs plus n, so tenants take turns whatever the size of their queue.
 *   <li>Within a tenant, higher plan priority first (a tenant's plans rank only that tenant's jobs: priorities of
 *       different tenants' plans are never compared), then the oldest job.
 *   <li>Between tenants with an equal share, the oldest job first.
 * </ol>
 *
 * <p>Why it is race-free without a global lock: one statement ranks the candidates without locks and locks the first
 * free one with {@code FOR UPDATE SKIP LOCKED}, which re-checks that it is still QUEUED, so two workers never take one
 * job and never wait on each other; several workers at once take successive candidates. Fair share is then exact up
 * to the jobs claimed in the same instant. The model limits must hold exactly, so a claim of a limited model also
 * takes that model's transaction-scoped advisory lock and counts its running jobs again before it updates the row:
 * claims of one limited model follow one another (each a few milliseconds), all others run in parallel. Locks are
 * taken in one order (job row, then model lock), so claims cannot deadlock.
 *
 * <p>Why it stays fast with a long queue: the lanes are found by a skip scan of the {@code generation_job_lanes}
 * index (one descent per lane, not one row per job); each open lane gives only the front of its index range, about
 * {@value #CANDIDATES_READ} candidates in all and at least two per lane (so a tenant's first two places are exact;
 * later places of a tenant with many lanes are approximate within one round, and every claim reads them again); and
 * running jobs, bounded by the workers of the cluster, are counted once per claim. The statement reads about five
 * index pages per lane: about 1 ms with 50,000 queued jobs in 40 lanes ({@code bench/claim-throughput.sh}).
 */
final class Lanes {

    /**
     * Candidates read from the lanes together: a single busy lane gives this many, so as many workers claiming at the
     * same instant get different jobs in one round.
     */
    static final int CANDIDATES_READ = 64;
    /** Candidates tried: the best of those read. */
    static final int CANDIDATES_TRIED = 16;

    /** The ranked candidates ({@code ranked}: id, share, created_at, seq), for the statements below. */
    private static final String RANKED = """
            WITH RECURSIVE lanes (tenant_id, model_id) AS (
                (SELECT tenant_id, model_id FROM generation_job
                  WHERE status = 'QUEUED' ORDER BY tenant_id, model_id LIMIT 1)
                UNION ALL
                SELECT next.tenant_id, next.model_id
                  FROM lanes l CROSS JOIN LATERAL (
                       SELECT g.tenant_id, g.model_id FROM generation_job g
                        WHERE g.status = 'QUEUED' AND (g.tenant_id, g.model_id) > (l.tenant_id, l.model_id)
                        ORDER BY g.tenant_id, g.model_id LIMIT 1) next
            ),
            running AS (
                SELECT tenant_id, model_id, count(*)::int AS jobs FROM generation_job
                 WHERE status = 'RUNNING' GROUP BY tenant_id, model_id
            ),
            tenant_running AS (
                SELECT tenant_id, sum(jobs)::int AS jobs FROM running GROUP BY tenant_id
            ),
            full_models AS (
                SELECT m.model_id FROM unnest(?::text[], ?::int[]) AS m (model_id, max_running)
                 WHERE m.max_running <= (SELECT coalesce(sum(r.jobs), 0) FROM running r WHERE r.model_id = m.model_id)
                UNION ALL
                SELECT unnest(?::text[])
            ),
            open_lanes AS (
                SELECT tenant_id, model_id FROM lanes
                 WHERE model_id NOT IN (SELECT model_id FROM full_models)
                   AND tenant_id IN (SELECT id FROM tenant WHERE status = 'ACTIVE')
            ),
            candidates AS (
                SELECT c.id, c.tenant_id, c.created_at, c.seq,
                       row_number() OVER (PARTITION BY c.tenant_id ORDER BY c.priority DESC, c.created_at, c.seq)
                           AS place
                  FROM open_lanes l CROSS JOIN LATERAL (
                       SELECT q.id, q.tenant_id, q.priority, q.created_at, q.seq FROM generation_job q
                        WHERE q.status = 'QUEUED' AND q.tenant_id = l.tenant_id AND q.model_id = l.model_id
                        ORDER BY q.priority DESC, q.created_at, q.seq
                        LIMIT (SELECT greatest(2, ? / count(*)) FROM open_lanes)) c
            ),
            ranked AS (
                SELECT c.id, c.place + coalesce(t.jobs, 0) AS share, c.created_at, c.seq
                  FROM candidates c LEFT JOIN tenant_running t ON t.tenant_id = c.tenant_id
                 ORDER BY share, c.created_at, c.seq
                 LIMIT ?
            )
            """;

    /** The first ranked candidate no other transaction holds and that is still QUEUED, locked. */
    static final String LOCK_BEST = RANKED + """
            SELECT j.id, j.model_id FROM generation_job j JOIN ranked r ON r.id = j.id
             WHERE j.status = 'QUEUED'
             ORDER BY r.share, r.created_at, r.seq
             LIMIT 1
               FOR UPDATE OF j SKIP LOCKED""";

    private static final String ANY_CANDIDATE = RANKED + "SELECT EXISTS (SELECT 1 FROM ranked)";

    /** A job locked for this claim: it was QUEUED when locked and nobody else can take it before the commit. */
    record Locked(String id, String modelId) {
    }

    private Lanes() {
    }

    /**
     * Locks the best job any lane may start now (one statement: ranking and locking), or empty if there is none or
     * other workers hold every candidate this instant (tell them apart with {@link #anyCandidate}).
     *
     * @param full models found at their limit by this claim already, skipped as if counted full
     */
    static Optional<Locked> lockBest(Connection connection, ModelLimits limits, Set<String> full)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LOCK_BEST)) {
            bind(select, connection, limits, full);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Locked(row.getString(1), row.getString(2))) : Optional.empty();
            }
        }
    }

    /** Whether any lane holds a job that may start now, locked or not. */
    static boolean anyCandidate(Connection connection, ModelLimits limits, Set<String> full) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(ANY_CANDIDATE)) {
            bind(select, connection, limits, full);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    static void bind(PreparedStatement select, Connection connection, ModelLimits limits, Set<String> full)
            throws SQLException {
        select.setArray(1, connection.createArrayOf("text", limits.models()));
        select.setArray(2, connection.createArrayOf("integer", limits.maxima()));
        select.setArray(3, connection.createArrayOf("text", full.toArray(String[]::new)));
        select.setInt(4, CANDIDATES_READ);
        select.setInt(5, CANDIDATES_TRIED);
    }

    /**
     * Whether one more job of this model may start; call with the job row locked. Takes the model's advisory lock
     * until the transaction ends, so the count cannot change before the caller's update commits.
     */
    static boolean hasRoom(Connection connection, String modelId, int limit) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, "generation_job.model:" + modelId);
            lock.executeQuery().close();
        }
        // A new statement after the lock: it sees every claim committed by the lock's previous holders.
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM generation_job WHERE status = 'RUNNING' AND model_id = ?")) {
            count.setString(1, modelId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1) < limit;
            }
        }
    }
}
