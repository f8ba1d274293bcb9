-- Finished jobs by when they finished: the operator's /metrics counts the jobs that finished since its last scrape,
-- and the health page lists the latest failures. Waiting and running jobs (finished_at NULL) stay out of it.
CREATE INDEX generation_job_finished ON generation_job (finished_at) WHERE finished_at IS NOT NULL;
