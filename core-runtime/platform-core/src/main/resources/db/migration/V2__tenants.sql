-- Tenants: one row per brand. `document` is the tenant's effective declarative configuration (tenant.yaml merged
-- with its profile overlay, admin edits included) as JSON, with secrets still written as environment variable references; `secrets` maps each
-- such name to its AES-GCM ciphertext (base64 of nonce || ciphertext || tag). Clear secrets are never stored.
CREATE TABLE tenant (
    id              text        PRIMARY KEY,
    slug            text        NOT NULL UNIQUE,
    display_name    text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    document        text        NOT NULL,
    secrets         text        NOT NULL,
    logo_asset_id   text,
    favicon_asset_id text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- Host names select tenants; a host belongs to at most one tenant across the platform.
CREATE TABLE tenant_host (
    host      text PRIMARY KEY,
    tenant_id text NOT NULL REFERENCES tenant (id) ON DELETE CASCADE
);

CREATE INDEX tenant_host_by_tenant ON tenant_host (tenant_id);

-- Files of a tenant folder's assets/ (logo, favicon...). id is the SHA-256 of the content, so URLs are content-hashed.
CREATE TABLE tenant_asset (
    tenant_id    text  NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    path         text  NOT NULL,
    id           text  NOT NULL,
    content_type text  NOT NULL,
    content      bytea NOT NULL,
    PRIMARY KEY (tenant_id, path)
);

CREATE INDEX tenant_asset_by_id ON tenant_asset (tenant_id, id);

-- FreeMarker templates of a tenant folder's templates/, overriding the theme's by relative name (index.ftlh).
CREATE TABLE tenant_template (
    tenant_id text NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    name      text NOT NULL,
    source    text NOT NULL,
    PRIMARY KEY (tenant_id, name)
);
