package dev.atelier.generation.jobs;

import dev.atelier.billing.credits.LedgerStatements;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The submit's statements, sent as one train that commits in its one round trip. In order: the plan setting of the
 * ledger's statements, the tenant's submit lock (submits of one tenant run one after another, so the limits hold), the
 * account's ledger lock (so the balance holds), then one statement that reads the idempotency key's earlier job, the
 * running counts and the spendable credits, writes the job row only if none refuses (a data-modifying {@code WITH}
 * whose {@code INSERT … SELECT} reads the decision), writes its hold with it, and answers the job (null when not
 * written) followed by what each check read; then {@code COMMIT}. Each statement reads with a snapshot taken when it
 * starts, so the last one sees everything committed before the locks were granted.
 */
final class SubmitSql {

    /** The first column after the job's: the earlier job's id and digest, the account's and tenant's counts, credits. */
    static final int FIRST_CHECK_COLUMN = 21;
    // The result sets before the answer: the submit lock's and the ledger lock's.
    private static final int RESULTS_BEFORE_ANSWER = 2;

    private SubmitSql() {
    }

    static String text(LedgerStatements ledger) {
        return text(ledger, true);
    }

    /**
     * @param commit false for a submit that is one of several in the caller's transaction (variations): the caller
     *     commits them together, or rolls all of them back when one is refused
     */
    static String text(LedgerStatements ledger, boolean commit) {
        return LedgerStatements.GENERIC_PLANS
                + "SELECT pg_advisory_xact_lock(hashtextextended(?, 0));\n"
                + LedgerStatements.LOCK_ACCOUNT + ";\n"
                + """
                WITH earlier AS (
                    SELECT id, request_digest FROM generation_job
                     WHERE tenant_id = ? AND account_id = ? AND idempotency_key = ?),
                active AS (
                    SELECT count(*) FILTER (WHERE account_id = ?) AS mine, count(*) AS total
                      FROM generation_job
                     WHERE tenant_id = ? AND status IN ('QUEUED', 'RUNNING')),
                """ + ledger.spendable() + """
                ,
                allowed AS (
                    SELECT NOT EXISTS (SELECT 1 FROM earlier) AND a.mine < ?::int AND a.total < ?::int
                           AND (?::bigint <= 0 OR s.credits >= ?::bigint) AS ok
                      FROM active a CROSS JOIN spendable s),
                job AS (
                    INSERT INTO generation_job (id, tenant_id, account_id, model_id, prompt, negative_prompt,
                                                parameters, input_ids, status, price, max_attempts, run_deadline_ms,
                                                idempotency_key, request_digest, created_at, queued_at, priority)
                    SELECT ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::jsonb, ?::jsonb, 'QUEUED',
                           ?::bigint, ?::int, ?::bigint, ?::text, ?::text, ?::timestamptz, ?::timestamptz, ?::int
                      FROM allowed WHERE ok
                    RETURNING\s""" + GenerationJobs.COLUMNS + "),\n"
                + ledger.holdOf("job") + """

                SELECT j.*, e.id, e.request_digest, a.mine, a.total, s.credits
                  FROM active a CROSS JOIN spendable s LEFT JOIN earlier e ON true LEFT JOIN job j ON true
                """ + (commit ? ";\nCOMMIT" : "");
    }

    /** The answer row of an executed train. */
    static ResultSet answer(PreparedStatement train) throws SQLException {
        int seen = 0;
        while (true) {
            ResultSet rows = train.getResultSet();
            if (rows != null && seen++ == RESULTS_BEFORE_ANSWER) {
                return rows;
            }
            if (!train.getMoreResults() && train.getUpdateCount() == -1) {
                throw new SQLException("The submit's statements answered fewer results than they send");
            }
        }
    }
}
