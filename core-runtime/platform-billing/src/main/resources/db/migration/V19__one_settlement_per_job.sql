-- A job's hold is settled once: by a CAPTURE or by a RELEASE, never both and never twice. The ledger checked this with
-- a read under the account's lock; this index makes the database refuse the second settlement itself, so a capture
-- writes its entry and lowers the account's held credits in one statement (one round trip) and two settlements racing
-- for the same job end with exactly one of them written (the later insert waits for the earlier one's transaction).
CREATE UNIQUE INDEX credit_entry_one_settlement ON credit_entry (tenant_id, job_id) WHERE kind IN ('CAPTURE', 'RELEASE');

-- Every ledger entry and spend is written into each of its table's indexes, so those no query reads go: entries are
-- read by account in seq order (credit_entry_by_account_seq), by idempotency key (the unique constraint) and a
-- job's settlement by the index above; nothing reads entries by account and kind, by job alone or by seq alone (the
-- identity sequence alone keeps seq unique), nor spends by grant.
DROP INDEX credit_entry_by_account;
DROP INDEX credit_entry_by_job;
ALTER TABLE credit_entry DROP CONSTRAINT credit_entry_seq_key;
DROP INDEX credit_spend_by_grant;

-- Every capture lowers a grant's remainder and every hold and settlement an account's held credits. Such an update can
-- stay on its page without new index entries (a HOT update) only when no indexed column changes, and a partial index's
-- condition counts as indexed: so grants are found through a plain index (spent grants stay in it; an account gains a
-- few a month), and both tables leave room on their pages for the new row versions.
DROP INDEX credit_grant_remainder_unspent;
CREATE INDEX credit_grant_remainder_by_account ON credit_grant_remainder (tenant_id, account_id);
ALTER TABLE credit_grant_remainder SET (fillfactor = 70);
ALTER TABLE credit_account SET (fillfactor = 70);
