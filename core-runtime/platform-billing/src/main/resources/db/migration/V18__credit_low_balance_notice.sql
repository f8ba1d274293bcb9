-- When each account was last emailed that its credits ran low. One row per account that ever was, written in the
-- generation settlement that crossed the tenant's threshold, under that account's ledger lock. A later crossing mails
-- again only if a grant came after notified_at (see LowBalanceWatch). No foreign key to account, like the ledger.
CREATE TABLE credit_low_balance_notice (
    tenant_id   text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    account_id  text        NOT NULL,
    notified_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, account_id)
);
