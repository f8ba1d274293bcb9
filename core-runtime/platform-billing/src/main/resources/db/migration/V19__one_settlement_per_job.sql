-- A job's hold is settled once: by a CAPTURE or by a RELEASE, never both and never twice. The ledger checked this with
-- a read under the account's lock; this index makes the database refuse the second settlement itself, so a capture
-- writes its entry and lowers the account's held credits in one statement (one round trip) and two settlements racing
-- for the same job end with exactly one of them written (the later insert waits for the earlier one's transaction).
CREATE UNIQUE INDEX credit_entry_one_settlement ON credit_entry (tenant_id, job_id) WHERE kind IN ('CAPTURE', 'RELEASE');
