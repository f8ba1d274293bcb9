-- Running totals derived from the credit ledger, so that holding, capturing and reading a balance cost the same for an
-- account with ten entries and one with a million. credit_entry and credit_spend stay the truth and stay append-only;
-- these rows are written in the same transaction as the entries they follow, under the account's lock in
-- credit_account, and can always be recomputed from the ledger (the backfill below is that recomputation).

-- Credits held by the account's jobs that were neither captured nor released yet.
ALTER TABLE credit_account ADD COLUMN held bigint NOT NULL DEFAULT 0 CHECK (held >= 0);

-- What is left of each grant: its amount minus what credit_spend took from it. expires_at and seq are copied from the
-- grant so that choosing which grants a capture spends reads these rows only.
CREATE TABLE credit_grant_remainder (
    grant_entry_id text        PRIMARY KEY REFERENCES credit_entry (id) ON DELETE CASCADE,
    tenant_id      text        NOT NULL,
    account_id     text        NOT NULL,
    remaining      bigint      NOT NULL CHECK (remaining >= 0),
    expires_at     timestamptz,
    seq            bigint      NOT NULL,
    CONSTRAINT credit_grant_remainder_account FOREIGN KEY (tenant_id, account_id)
        REFERENCES credit_account (tenant_id, account_id) ON DELETE CASCADE
);

-- Only grants with something left are ever read.
CREATE INDEX credit_grant_remainder_unspent ON credit_grant_remainder (tenant_id, account_id) WHERE remaining > 0;

INSERT INTO credit_grant_remainder (grant_entry_id, tenant_id, account_id, remaining, expires_at, seq)
SELECT g.id, g.tenant_id, g.account_id,
       g.amount - COALESCE((SELECT SUM(s.amount) FROM credit_spend s WHERE s.grant_entry_id = g.id), 0),
       g.expires_at, g.seq
  FROM credit_entry g
 WHERE g.kind = 'GRANT';

UPDATE credit_account a
   SET held = h.held
  FROM (SELECT h.tenant_id, h.account_id, SUM(h.amount) AS held
          FROM credit_entry h
         WHERE h.kind = 'HOLD'
           AND NOT EXISTS (SELECT 1 FROM credit_entry e
                            WHERE e.tenant_id = h.tenant_id AND e.job_id = h.job_id
                              AND e.kind IN ('CAPTURE', 'RELEASE'))
         GROUP BY h.tenant_id, h.account_id) h
 WHERE a.tenant_id = h.tenant_id AND a.account_id = h.account_id;
