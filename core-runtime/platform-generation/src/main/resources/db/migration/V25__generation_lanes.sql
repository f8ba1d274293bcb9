-- Fair scheduling: jobs are claimed in lanes (one per tenant and model), so one tenant's burst or one slow vendor
-- model cannot starve the others; see GenerationJobs.claim and docs/generation.md.

-- The submitter's plan priority (higher is claimed sooner within its tenant). 0 for every job queued before.
ALTER TABLE generation_job ADD COLUMN priority smallint NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 100);

-- The lanes: a skip scan over (tenant_id, model_id) finds every non-empty lane in one index descent per lane, and
-- each lane's head (highest priority, then oldest) is the first entry of its range, so no claim reads the whole queue.
CREATE INDEX generation_job_lanes ON generation_job (tenant_id, model_id, priority DESC, created_at, seq)
    WHERE status = 'QUEUED';
-- A limited model's running jobs, counted under its lock at every claim of it. (Running jobs per tenant are read
-- through generation_job_leases: a few hundred rows at most, bounded by the cluster's workers.)
CREATE INDEX generation_job_running_by_model ON generation_job (model_id) WHERE status = 'RUNNING';
