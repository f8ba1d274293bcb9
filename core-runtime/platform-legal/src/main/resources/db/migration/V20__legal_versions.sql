-- Published versions of each tenant's legal documents. A version is what people were shown and agreed to, so it is
-- never changed once written: the trigger below refuses every UPDATE (deleting the tenant still removes its rows).
-- number counts from 1 per tenant and document; publishers take the next one under a transaction-scoped advisory lock,
-- and the primary key turns any race that slipped past it into an error rather than a duplicate.
CREATE TABLE legal_version (
    tenant_id         text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    document          text        NOT NULL CHECK (document ~ '^[a-z][a-z0-9-]{0,39}$'),
    number            integer     NOT NULL CHECK (number >= 1),
    effective_date    date        NOT NULL,
    published_at      timestamptz NOT NULL,
    published_by      text        NOT NULL,
    notice_mode       text        NOT NULL CHECK (notice_mode IN ('notify', 'require')),
    template_source   text        NOT NULL,
    html              text        NOT NULL,
    text_body         text        NOT NULL,
    markdown          text        NOT NULL,
    disclosure_digest text        NOT NULL,
    PRIMARY KEY (tenant_id, document, number)
);

CREATE FUNCTION legal_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'legal_version rows are immutable: publish a new version instead';
END;
$$;

CREATE TRIGGER legal_version_no_update BEFORE UPDATE ON legal_version
    FOR EACH ROW EXECUTE FUNCTION legal_version_immutable();

-- A signed-in user closed the banner announcing a version published in "notify" mode. Not a consent: it only stops
-- the banner. Goes with the account when it is erased.
CREATE TABLE legal_notice_dismissal (
    tenant_id    text        NOT NULL,
    account_id   text        NOT NULL,
    document     text        NOT NULL,
    number       integer     NOT NULL,
    dismissed_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, account_id, document, number),
    FOREIGN KEY (tenant_id, document, number) REFERENCES legal_version (tenant_id, document, number)
        ON DELETE CASCADE,
    FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
