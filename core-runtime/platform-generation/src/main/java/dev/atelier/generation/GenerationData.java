package dev.atelier.generation;

import dev.atelier.core.accounts.PersonalDataParticipant;
import dev.atelier.core.generations.GenerationJobs;
import dev.atelier.core.generations.Job;
import dev.atelier.core.generations.JobPage;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's generations in their data export (metadata: prompts, models, dates, status; not the media bytes), and
 * their deletion with the account: every job's outputs are deleted from storage, then the jobs, then the uploads.
 * Running jobs are cancelled and waited for (up to ten seconds); their workers end them without capturing. Ledger entries stay (the law keeps
 * financial records) under the account's random id, which names nobody once the account row is gone.
 */
public final class GenerationData implements PersonalDataParticipant {

    private static final java.time.Duration STOP_WAIT = java.time.Duration.ofSeconds(10);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GenerationData.class);

    private final GenerationJobs jobs;
    private final Uploads uploads;
    private final OutputStore outputs;
    private final TenantDirectory tenants;

    GenerationData(GenerationJobs jobs, Uploads uploads, OutputStore outputs, TenantDirectory tenants) {
        this.jobs = jobs;
        this.uploads = uploads;
        this.outputs = outputs;
        this.tenants = tenants;
    }

    @Override
    public String section() {
        return "generations";
    }

    @Override
    public Object export(String tenantId, String accountId) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Job job : all(tenantId, accountId)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", job.id());
            item.put("model", job.modelId());
            item.put("prompt", job.prompt());
            item.put("negative_prompt", job.negativePrompt());
            item.put("parameters", job.parameters());
            item.put("status", job.status().name());
            item.put("credits", job.price());
            item.put("created_at", String.valueOf(job.createdAt()));
            item.put("finished_at", job.finishedAt() == null ? null : job.finishedAt().toString());
            item.put("outputs", job.outputs().stream().map(o -> Map.of("media_type", o.mediaType(), "size",
                    o.size(), "width", o.width(), "height", o.height())).toList());
            items.add(item);
        }
        return items;
    }

    @Override
    public void erase(String tenantId, String accountId) {
        Optional<Tenant> tenant = tenants.byId(tenantId);
        if (tenant.isEmpty()) {
            return;
        }
        for (Job job : all(tenantId, accountId)) {
            if (!job.status().isFinal() && !cancelAndWait(tenantId, accountId, job.id())) {
                LOG.warn("Tenant {}: job {} of an erased account did not stop within {}; its row stays until it does",
                        tenantId, job.id(), STOP_WAIT);
                continue;
            }
            jobs.delete(tenantId, accountId, job.id()).ifPresent(deleted ->
                    outputs.deleteQuietly(tenant.get(), deleted.outputs()));
        }
        for (Upload upload : uploads.ofAccount(tenantId, accountId)) {
            uploads.delete(tenant.get(), upload);
        }
    }

    // The worker sees the cancellation at its next heartbeat (twice a second) and ends the job without outputs.
    private boolean cancelAndWait(String tenantId, String accountId, String jobId) {
        jobs.cancel(tenantId, accountId, jobId);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Job> job = jobs.find(tenantId, accountId, jobId);
            if (job.isEmpty() || job.get().status().isFinal()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private List<Job> all(String tenantId, String accountId) {
        List<Job> all = new ArrayList<>();
        String cursor = null;
        do {
            JobPage page = jobs.list(tenantId, accountId, 100, cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }
}
