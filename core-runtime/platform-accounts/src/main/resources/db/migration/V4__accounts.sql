-- End-user accounts. Each belongs to exactly one tenant: the same email at two tenants is two unrelated accounts.
-- email is normalized (trimmed, Unicode NFKC, lower case) before it is stored or looked up. password_hash is a
-- PHC-format Argon2id string; NULL for accounts that only sign in with an external provider.
CREATE TABLE account (
    id                text        PRIMARY KEY,
    tenant_id         text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    email             text        NOT NULL,
    email_verified_at timestamptz,
    password_hash     text,
    display_name      text        NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CONSTRAINT account_email_per_tenant UNIQUE (tenant_id, email)
);

-- Single-use tokens mailed to an account's owner. Only the SHA-256 (hex) of the random token is stored, so a
-- database leak does not hand out working links.
CREATE TABLE account_token (
    id         text        PRIMARY KEY,
    tenant_id  text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    account_id text        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    purpose    text        NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    token_hash text        NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);

CREATE INDEX account_token_by_account ON account_token (tenant_id, account_id, purpose);
