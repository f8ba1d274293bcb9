-- One bundle repository for the whole cluster: every deploy, update, removal and rollback of a plugin bundle is a new
-- revision here, and every node makes its deploy folder match the latest revision of each bundle. Revisions are
-- written one at a time (a transaction lock), so their order is the order they were committed in and a node that saw
-- revision n has seen every revision before it.
CREATE TABLE bundle_revision (
    revision      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    symbolic_name text        NOT NULL,
    version       text,
    sha256        text,
    content       bytea,
    changed_at    timestamptz NOT NULL,
    changed_by    text        NOT NULL,
    -- A removal has no content; every other revision has all three.
    CHECK ((content IS NULL) = (sha256 IS NULL) AND (content IS NULL) = (version IS NULL))
);

CREATE INDEX bundle_revision_latest ON bundle_revision (symbolic_name, revision DESC);
