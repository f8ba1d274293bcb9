/**
 * Generation jobs and the queue workers take them from ({@link dev.atelier.generation.jobs.GenerationJobs}). A job is
 * submitted with its credit price held, claimed by one worker at a time under a renewable lease, and settled exactly
 * once: captured when it succeeds, released when it fails, is canceled, expires in the queue or loses its worker for
 * good. User-facing calls name the tenant and the owning account; worker calls work across tenants by job id.
 */
package dev.atelier.generation.jobs;
