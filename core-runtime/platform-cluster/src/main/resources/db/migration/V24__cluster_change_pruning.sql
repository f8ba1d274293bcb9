-- The newest change number deleted by pruning: a node that last saw an older one missed changes it can no longer read,
-- and reloads everything instead.
ALTER TABLE cluster_identity ADD COLUMN pruned_through bigint NOT NULL DEFAULT 0;
