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
 * Running jobs are cancelled; their workers settle them and nothing is captured. Ledger entries stay (the law keeps
 * financial records) under the account's random id, which names nobody once the account row is gone.
 */
public final class GenerationData implements PersonalDataParticipant {

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
        Optional<Tenant> tenant = tenants.all().stream().filter(t -> t.id().equals(tenantId)).findFirst();
        if (tenant.isEmpty()) {
            return;
        }
        for (Job job : all(tenantId, accountId)) {
            if (!job.status().isFinal()) {
                // Its worker ends it as CANCELED without storing outputs; the finished row then holds only a prompt
                // under an account id that no longer names anyone, and the sweep of a later erase removes it.
                jobs.cancel(tenantId, accountId, job.id());
                continue;
            }
            jobs.delete(tenantId, accountId, job.id()).ifPresent(deleted ->
                    outputs.deleteQuietly(tenant.get(), deleted.outputs()));
        }
        for (Upload upload : uploads.ofAccount(tenantId, accountId)) {
            uploads.delete(tenant.get(), upload);
        }
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
