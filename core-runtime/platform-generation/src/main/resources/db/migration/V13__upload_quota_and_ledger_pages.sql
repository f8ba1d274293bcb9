-- A person's unused uploads are counted (files and bytes) before every upload, so keep that count an index scan.
CREATE INDEX upload_unused_by_owner ON upload (tenant_id, account_id, expires_at) WHERE used_at IS NULL;

-- The credits listing is read a page at a time, newest first, from a position in seq.
CREATE INDEX credit_entry_by_account_seq ON credit_entry (tenant_id, account_id, seq DESC);
