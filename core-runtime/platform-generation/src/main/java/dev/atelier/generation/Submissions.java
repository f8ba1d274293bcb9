package dev.atelier.generation;

import dev.atelier.billing.credits.InsufficientCreditsException;
import dev.atelier.billing.payments.QueuePriority;
import dev.atelier.generation.jobs.ConcurrencyLimitException;
import dev.atelier.generation.jobs.GenerationJobs;
import dev.atelier.generation.jobs.IdempotencyConflictException;
import dev.atelier.generation.jobs.Job;
import dev.atelier.generation.jobs.NewJob;
import dev.atelier.core.ratelimit.RateLimiter;
import dev.atelier.core.ratelimit.RateLimits;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.spi.model.InputKind;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a user's request into a queued job: the model must be one the tenant offers and deployed now, the prompt
 * present and not huge, the parameters within the model's declared bounds, the inputs the user's own uploads of a
 * kind the model takes; then the job and its credit hold, at the price of the request's size or duration, are
 * written in one transaction. The job carries the queue priority of the account's subscribed plan.
 */
public final class Submissions {

    /** Longest prompt accepted, in characters. */
    public static final int MAX_PROMPT_LENGTH = 4000;
    /** Most inputs one generation may use. */
    public static final int MAX_INPUTS = 4;
    /** Most variations one submit may ask for. */
    public static final int MAX_VARIATIONS = 4;

    private final GenerationJobs jobs;
    private final Offers offers;
    private final Uploads uploads;
    private final GenerationSettings settings;
    private final Runnable wakeWorkers;
    private final QueuePriority priorities;
    private final AccountRateLimits rate;

    /**
     * @param limiter counts submits per account ({@link RateLimits#GENERATION_SUBMIT}) before anything is checked or
     *     held
     * @param priorities the queue priority of each account's subscribed plan, given to its jobs
     */
    public Submissions(GenerationJobs jobs, Offers offers, Uploads uploads, GenerationSettings settings,
            Runnable wakeWorkers, RateLimiter limiter, QueuePriority priorities) {
        this.priorities = priorities;
        this.rate = new AccountRateLimits(limiter);
        this.jobs = jobs;
        this.offers = offers;
        this.uploads = uploads;
        this.settings = settings;
        this.wakeWorkers = wakeWorkers;
    }

    /**
     * Queues a generation.
     *
     * @param idempotencyKey the client's {@code Idempotency-Key}, or null: the same key with the same request answers
     *     the first job again; with another request it is a 409
     * @throws InvalidGenerationException 402, 409, 422 or 429 with a message for the user; 503 while the submit rate
     *     limit cannot be counted and fails closed
     */
    public Job submit(Tenant tenant, String accountId, SubmitRequest request, String idempotencyKey) {
        return submitAll(tenant, accountId, request, 1, idempotencyKey).get(0);
    }

    /**
     * Queues {@code variations} generations of one request, each its own job with its own hold, all or none: when the
     * balance or the limits do not cover all of them, none is queued. The n-th variation (from 0) uses the request's
     * {@code seed} plus n when the model has a seed, so variations differ and the same request gives the same ones.
     *
     * @param variations 1 to {@value #MAX_VARIATIONS}
     * @param idempotencyKey as for {@link #submit}; it answers all the variations again
     * @throws InvalidGenerationException as {@link #submit}; a 402 names the balance and the price of all of them
     */
    public List<Job> submitAll(Tenant tenant, String accountId, SubmitRequest request, int variations,
            String idempotencyKey) {
        rate.check(tenant, RateLimits.GENERATION_SUBMIT, accountId, "You are starting generations faster than this"
                + " site allows. Please wait a moment and try again.");
        if (variations < 1 || variations > MAX_VARIATIONS) {
            throw InvalidGenerationException.field("variations", "Ask for 1 to " + MAX_VARIATIONS + " variations.");
        }
        Offers.Offer offer = offer(tenant, request.model());
        ModelDescriptor model = offer.model().descriptor();
        String prompt = prompt(request.prompt());
        String negative = request.negativePrompt() == null || request.negativePrompt().isBlank() ? null
                : limited("negative_prompt", request.negativePrompt().strip());
        Map<String, Object> parameters = ParameterValues.bind(model, request.parameters());
        List<String> inputs = inputs(tenant, accountId, model, request.inputs());
        TenantSettings.Credits limits = tenant.settings() == null ? null : tenant.settings().credits();
        int perUser = limits == null ? 2 : limits.maxConcurrentJobsPerUser();
        int perTenant = limits == null ? 20 : limits.maxConcurrentJobsPerTenant();
        int priority = priorities.of(tenant, accountId);
        List<NewJob> batch = new ArrayList<>();
        for (Map<String, Object> values : Variations.of(model, parameters, variations)) {
            batch.add(new NewJob(model.id(), prompt, negative, values, inputs, offer.pricing().of(values),
                    settings.maxAttempts(), model.timeLimit().orElse(settings.runDeadline()), priority));
        }
        List<Job> queued;
        try {
            queued = variations == 1
                    ? List.of(jobs.submit(tenant.id(), accountId, batch.get(0), idempotencyKey, perUser, perTenant))
                    : jobs.submitAll(tenant.id(), accountId, batch, idempotencyKey, perUser, perTenant);
        } catch (InsufficientCreditsException e) {
            throw InvalidGenerationException.insufficientCredits(e.balance(), e.price());
        } catch (IdempotencyConflictException e) {
            throw new InvalidGenerationException(409, "Conflict", "This Idempotency-Key was already used for a"
                    + " different request. Use a new key for a new generation.", List.of());
        } catch (ConcurrencyLimitException e) {
            throw new InvalidGenerationException(429, "Too Many Requests", !e.perUser()
                    ? "This site is very busy right now. Please try again in a minute."
                    : variations == 1 ? "You already have " + e.limit() + " generations in progress. Wait for one"
                            + " to finish."
                    : "You can have " + e.limit() + " generations in progress at once. Ask for fewer variations or"
                            + " wait for one to finish.", List.of());
        }
        uploads.markUsed(tenant.id(), inputs);
        wakeWorkers.run();
        return queued;
    }

    private Offers.Offer offer(Tenant tenant, String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw InvalidGenerationException.field("model", "Choose a model.");
        }
        return offers.find(tenant, modelId.strip()).orElseThrow(() -> InvalidGenerationException.field("model",
                "The model " + modelId.strip() + " is not available here. Choose one of the models listed."));
    }

    private static String prompt(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            throw InvalidGenerationException.field("prompt", "Describe what you want to see.");
        }
        return limited("prompt", prompt.strip());
    }

    private static String limited(String field, String text) {
        if (text.length() > MAX_PROMPT_LENGTH) {
            throw InvalidGenerationException.field(field, "Use at most " + MAX_PROMPT_LENGTH + " characters.");
        }
        if (text.chars().anyMatch(c -> c == 0)) {
            throw InvalidGenerationException.field(field, "The text contains a character that is not allowed.");
        }
        return text;
    }

    private List<String> inputs(Tenant tenant, String accountId, ModelDescriptor model, List<String> ids) {
        if (ids.size() > MAX_INPUTS) {
            throw InvalidGenerationException.field("inputs", "Use at most " + MAX_INPUTS + " inputs.");
        }
        List<String> accepted = new ArrayList<>();
        for (String id : ids) {
            Upload upload = id == null ? null : uploads.find(tenant.id(), accountId, id).orElse(null);
            if (upload == null) {
                throw InvalidGenerationException.field("inputs", "The upload " + id
                        + " does not exist or has expired. Upload the file again.");
            }
            InputKind kind = upload.kind() == MediaKind.VIDEO ? InputKind.VIDEO : InputKind.IMAGE;
            if (!model.inputs().contains(kind)) {
                throw InvalidGenerationException.field("inputs", model.name() + " does not take "
                        + (kind == InputKind.VIDEO ? "videos" : "images") + " as input.");
            }
            accepted.add(upload.id());
        }
        return accepted;
    }
}
