package dev.atelier.web.operator.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The platform-wide figures of the health page and of {@code /metrics}, read from the database: every node answers
 * the same, whichever node runs the workers. Each is one grouped statement over indexed waiting or running rows.
 */
public final class HealthFigures {

    /** Failed jobs the health page lists. */
    public static final int RECENT_FAILURES = 10;

    private static final String QUEUE = """
            SELECT model_id, count(*) FILTER (WHERE status = 'QUEUED'), count(*) FILTER (WHERE status = 'RUNNING'),
                   coalesce(extract(epoch FROM now() - min(queued_at) FILTER (WHERE status = 'QUEUED')), 0)::bigint
              FROM generation_job WHERE status IN ('QUEUED', 'RUNNING') GROUP BY model_id ORDER BY model_id""";
    // Worker ids are worker-<node>-<thread>: the node is all but the last part.
    private static final String WORKERS = """
            SELECT regexp_replace(worker_id, '-[0-9]+$', ''), count(*), count(*) FILTER (WHERE lease_expires_at < now())
              FROM generation_job WHERE status = 'RUNNING' GROUP BY 1 ORDER BY 1""";
    private static final String OUTBOX = """
            SELECT count(*) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL),
                   count(*) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL AND attempts > 0),
                   count(*) FILTER (WHERE failed_at > now() - interval '24 hours')
              FROM mail_outbox WHERE sent_at IS NULL""";
    private static final String FAILURES = """
            SELECT j.id, coalesce(t.slug, j.tenant_id), j.model_id, coalesce(j.error, ''), j.attempts, j.finished_at
              FROM generation_job j LEFT JOIN tenant t ON t.id = j.tenant_id
             WHERE j.status = 'FAILED' AND j.finished_at > now() - interval '7 days'
             ORDER BY j.finished_at DESC LIMIT ?""";

    private final DataSource dataSource;

    public HealthFigures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Waiting and running jobs by model, for models that have any. */
    public List<QueueDepth> queue() {
        return query(QUEUE, row -> new QueueDepth(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4)));
    }

    /** Nodes whose workers hold running jobs. */
    public List<WorkerNode> workers() {
        return query(WORKERS, row -> new WorkerNode(row.getString(1), row.getLong(2), row.getLong(3)));
    }

    public OutboxDepth outbox() {
        return query(OUTBOX, row -> new OutboxDepth(row.getLong(1), row.getLong(2), row.getLong(3))).get(0);
    }

    /** The latest failed jobs of the last 7 days, newest first. */
    public List<FailedJob> recentFailures() {
        return query(FAILURES, row -> {
            Timestamp finished = row.getTimestamp(6);
            return new FailedJob(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                    row.getInt(5), finished == null ? null : finished.toInstant());
        }, RECENT_FAILURES);
    }

    /**
     * Jobs that finished in {@code (after, upTo]} by tenant slug, model and final status, for the jobs counter.
     *
     * @return counts keyed by {@code [tenant, model, status]}
     */
    public Map<List<String>, Long> finished(java.time.Instant after, java.time.Instant upTo) {
        Map<List<String>, Long> counts = new java.util.HashMap<>();
        query("""
                SELECT coalesce(t.slug, j.tenant_id), j.model_id, j.status, count(*)
                  FROM generation_job j LEFT JOIN tenant t ON t.id = j.tenant_id
                 WHERE j.finished_at > ? AND j.finished_at <= ? GROUP BY 1, 2, 3""", row -> {
                    counts.put(List.of(row.getString(1), row.getString(2), row.getString(3)), row.getLong(4));
                    return null;
                }, Timestamp.from(after), Timestamp.from(upTo));
        return counts;
    }

    private <T> List<T> query(String sql, Row<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(mapper.map(row));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the health figures: " + e.getMessage(), e);
        }
    }

    /** Maps the current row. */
    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }
}
