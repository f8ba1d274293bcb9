-- Server-side sessions of signed-in users. id is the SHA-256 (hex) of the 256-bit random secret in the cookie; the
-- secret itself is stored nowhere, so a database leak hands out no working session. A session works while revoked_at
-- is NULL and now is before both idle_expires_at (slid forward on use) and absolute_expires_at (never moved).
CREATE TABLE account_session (
    id                  text        PRIMARY KEY,
    tenant_id           text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    account_id          text        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at          timestamptz NOT NULL,
    last_seen_at        timestamptz NOT NULL,
    idle_expires_at     timestamptz NOT NULL,
    absolute_expires_at timestamptz NOT NULL,
    user_agent          text        CHECK (char_length(user_agent) <= 300),
    ip                  text,
    revoked_at          timestamptz
);

CREATE INDEX account_session_by_account ON account_session (tenant_id, account_id);

-- Personal API tokens (Authorization: Bearer). Only the SHA-256 (hex) of the token is stored; prefix is its first
-- 8 characters, kept so the account page can tell tokens apart without being able to rebuild one.
CREATE TABLE api_token (
    id           text        PRIMARY KEY,
    tenant_id    text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    account_id   text        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    token_hash   text        NOT NULL UNIQUE,
    prefix       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

CREATE INDEX api_token_by_account ON api_token (tenant_id, account_id);
