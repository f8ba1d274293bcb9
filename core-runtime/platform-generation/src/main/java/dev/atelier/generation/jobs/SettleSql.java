package dev.atelier.generation.jobs;

import dev.atelier.billing.credits.LedgerStatements;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A successful job's settlement as one train of statements: the ledger's plan setting; one statement that moves the
 * job to SUCCEEDED (with the model's final stage, never the last heartbeat's) if the worker still owns it and writes
 * the capture of its hold (lowering the account's held credits, which takes the account's lock), answering the
 * finished job (its {@code GenerationJobs.COLUMNS}) and the capture; the spend of the capture from the account's
 * grants; and, where nothing else has to happen in the transaction, {@code COMMIT}, so that the settlement commits in
 * the round trip that writes it.
 */
final class SettleSql {

    private SettleSql() {
    }

    static String succeed(LedgerStatements ledger, boolean commit) {
        return LedgerStatements.GENERIC_PLANS + """
                WITH done AS (
                    UPDATE generation_job
                       SET status = 'SUCCEEDED', progress = 100, stage = ?, outputs = ?::jsonb, error = NULL, finished_at = ?,
                           worker_id = NULL, lease_expires_at = NULL
                     WHERE id = ? AND worker_id = ? AND status = 'RUNNING'
                    RETURNING\s""" + GenerationJobs.COLUMNS + """
                ),
                """ + ledger.settleOf("done") + """

                SELECT d.*, w.* FROM done d LEFT JOIN written w ON true;
                """ + ledger.spendOfCapture() + (commit ? ";\nCOMMIT" : "");
    }

    /** The next result holding rows of an executed train, skipping update counts. */
    static ResultSet nextRows(PreparedStatement train) throws SQLException {
        while (train.getResultSet() == null) {
            if (!train.getMoreResults() && train.getUpdateCount() == -1) {
                throw new SQLException("The settlement's statements answered fewer results than they send");
            }
        }
        return train.getResultSet();
    }

    /** Past the current result, the next one holding rows. */
    static ResultSet followingRows(PreparedStatement train) throws SQLException {
        if (!train.getMoreResults() && train.getUpdateCount() == -1) {
            throw new SQLException("The settlement's statements answered fewer results than they send");
        }
        return nextRows(train);
    }
}
