package dev.atelier.generation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.atelier.accounts.PersonalDataParticipant;
import dev.atelier.generation.jobs.GenerationJobs;
import dev.atelier.generation.jobs.Job;
import dev.atelier.generation.jobs.JobPage;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantDirectory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A user's generations in their data export (metadata: prompts, models, dates, status; not the media bytes), and
 * their deletion with the account: every job's outputs are deleted from storage, then the jobs, then the uploads.
 * Running jobs are cancelled and waited for (up to ten seconds); their workers end them without capturing. Ledger entries stay (the law keeps
 * financial records) under the account's random id, which names nobody once the account row is gone.
 */
public final class GenerationData implements PersonalDataParticipant {

    private static final java.time.Duration STOP_WAIT = java.time.Duration.ofSeconds(10);
    private static final int EXPORT_PAGE = 100;
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

    // A page of jobs at a time: an account with years of generations is written without being held whole.
    @Override
    public void export(String tenantId, String accountId, JsonGenerator json) throws IOException {
        json.writeStartArray();
        String cursor = null;
        do {
            JobPage page = jobs.list(tenantId, accountId, EXPORT_PAGE, cursor);
            for (Job job : page.items()) {
                write(job, json);
            }
            json.flush();
            cursor = page.nextCursor();
        } while (cursor != null);
        json.writeEndArray();
    }

    private static void write(Job job, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", job.id());
        json.writeStringField("model", job.modelId());
        json.writeStringField("prompt", job.prompt());
        json.writeStringField("negative_prompt", job.negativePrompt());
        json.writeFieldName("parameters");
        json.writeObject(job.parameters());
        json.writeStringField("status", job.status().name());
        json.writeNumberField("credits", job.price());
        json.writeStringField("created_at", String.valueOf(job.createdAt()));
        json.writeStringField("finished_at", job.finishedAt() == null ? null : job.finishedAt().toString());
        json.writeArrayFieldStart("outputs");
        for (dev.atelier.generation.jobs.Output output : job.outputs()) {
            json.writeStartObject();
            json.writeStringField("media_type", output.mediaType());
            json.writeNumberField("size", output.size());
            json.writeNumberField("width", output.width());
            json.writeNumberField("height", output.height());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
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
