package dev.atelier.web.site.creation;

import dev.atelier.generation.jobs.Job;
import dev.atelier.generation.jobs.JobStatus;
import dev.atelier.generation.jobs.Output;
import dev.atelier.core.tenants.PriceStep;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.generation.AspectRatios;
import dev.atelier.generation.GenerationModule;
import dev.atelier.generation.Offers;
import dev.atelier.generation.Pricing;
import dev.atelier.generation.Submissions;
import dev.atelier.spi.model.InputKind;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The data of the create, gallery and item pages (see themes/README.md). */
final class GenerationPages {

    private final GenerationModule generation;

    GenerationPages(GenerationModule generation) {
        this.generation = generation;
    }

    Map<String, Object> create(Tenant tenant, String accountId, String selected, Map<String, String> form,
            Map<String, String> errors, Map<String, Object> insufficient) {
        List<Offers.Offer> offers = generation.offers().of(tenant);
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("offers", offers.stream().map(GenerationPages::offer).toList());
        create.put("balance", generation.ledger().balance(tenant.id(), accountId));
        String model = selected != null && offers.stream().anyMatch(o -> o.id().equals(selected)) ? selected
                : offers.isEmpty() ? "" : offers.get(0).id();
        create.put("selected", model);
        create.put("form", form);
        create.put("errors", errors);
        create.put("insufficient", insufficient);
        create.put("maxVariations", Submissions.MAX_VARIATIONS);
        return create;
    }

    private static Map<String, Object> offer(Offers.Offer offer) {
        ModelDescriptor d = offer.model().descriptor();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", d.id());
        map.put("name", d.name());
        map.put("description", d.description());
        map.put("mediaKind", d.output().name());
        Pricing pricing = offer.pricing();
        map.put("price", pricing.base());
        map.put("lowestPrice", pricing.lowest());
        map.put("highestPrice", pricing.highest());
        map.put("priceUnit", pricing.steps().isEmpty() ? null
                : pricing.steps().get(0).unit().name().toLowerCase(Locale.ROOT));
        map.put("priceSteps", pricing.steps().stream().map(GenerationPages::step).toList());
        map.put("acceptsImage", d.inputs().contains(InputKind.IMAGE));
        map.put("acceptsVideo", d.inputs().contains(InputKind.VIDEO));
        map.put("parameters", d.parameters().stream().map(GenerationPages::parameter).toList());
        List<AspectRatios.Preset> presets = AspectRatios.of(d);
        map.put("aspects", presets.stream().map(GenerationPages::aspect).toList());
        // The preset the model's default size already is, chosen until the user picks another.
        map.put("aspectDefault", presets.stream().filter(p -> p.parameters().entrySet().stream().allMatch(e ->
                d.parameters().stream().anyMatch(spec -> spec.name().equals(e.getKey()) && spec.defaultValue() != null
                        && String.valueOf(spec.defaultValue()).equals(String.valueOf(e.getValue())))))
                .map(AspectRatios.Preset::ratio).findFirst().orElse(""));
        return map;
    }

    private static Map<String, Object> aspect(AspectRatios.Preset preset) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ratio", preset.ratio());
        map.put("width", preset.width());
        map.put("height", preset.height());
        // "name=value name=value": what the page's script puts into the model's fields when the preset is chosen.
        map.put("fields", String.join(" ", preset.parameters().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).toList()));
        return map;
    }

    private static Map<String, Object> step(PriceStep step) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("upTo", step.upTo());
        map.put("measure", step.measure());
        map.put("credits", step.credits());
        return map;
    }

    private static Map<String, Object> parameter(ParameterSpec p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", p.name());
        map.put("label", p.label() == null ? p.name() : p.label());
        map.put("description", p.description());
        map.put("type", p.type().name());
        map.put("min", p.min() == null ? null : number(p.min(), p.type()));
        map.put("max", p.max() == null ? null : number(p.max(), p.type()));
        map.put("default", p.defaultValue() == null ? null : p.defaultValue().toString());
        map.put("choices", p.choices() == null ? List.of() : p.choices());
        return map;
    }

    private static Object number(Double value, ParameterSpec.Type type) {
        return type == ParameterSpec.Type.INTEGER ? (Object) value.longValue() : value;
    }

    Map<String, Object> gallery(Tenant tenant, List<Job> jobs, String nextCursor, String status, String model) {
        Map<String, Object> gallery = new LinkedHashMap<>();
        gallery.put("items", jobs.stream().map(j -> item(tenant, j, false)).toList());
        gallery.put("nextCursor", nextCursor);
        gallery.put("filters", Map.of("status", status == null ? "" : status, "model", model == null ? "" : model));
        gallery.put("models", generation.offers().of(tenant).stream()
                .map(o -> Map.of("id", o.id(), "name", o.model().descriptor().name())).toList());
        return gallery;
    }

    Map<String, Object> item(Tenant tenant, Job job, boolean full) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", job.id());
        item.put("status", job.status().name());
        item.put("final", job.status().isFinal());
        item.put("progress", job.status() == JobStatus.SUCCEEDED ? 100 : job.progress());
        item.put("stage", job.stage());
        item.put("error", job.error());
        item.put("prompt", job.prompt());
        item.put("negativePrompt", job.negativePrompt());
        item.put("model", job.modelId());
        item.put("modelName", modelName(tenant, job.modelId()));
        item.put("credits", job.price());
        item.put("createdAt", String.valueOf(job.createdAt()));
        item.put("finishedAt", job.finishedAt() == null ? null : job.finishedAt().toString());
        item.put("url", "/gallery/" + job.id());
        Optional<Output> first = job.outputs().stream().findFirst();
        item.put("mediaKind", first.map(o -> o.mediaType().startsWith("video/") ? "VIDEO" : "IMAGE").orElse(null));
        item.put("thumbnailUrl", first.map(o -> o.thumbnailKey() == null ? null
                : generation.links().url(tenant, o.thumbnailKey())).orElse(null));
        if (full) {
            List<Map<String, Object>> outputs = new ArrayList<>();
            for (Output o : job.outputs()) {
                String url = generation.links().url(tenant, o.key());
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("url", url);
                out.put("downloadUrl", url.startsWith("/media/") ? url + "&download=1" : url);
                out.put("thumbnailUrl", o.thumbnailKey() == null ? null : generation.links().url(tenant, o.thumbnailKey()));
                out.put("mediaType", o.mediaType());
                out.put("kind", o.mediaType().startsWith("video/") ? "VIDEO" : "IMAGE");
                out.put("width", o.width());
                out.put("height", o.height());
                out.put("durationMillis", o.durationMillis());
                out.put("size", o.size());
                outputs.add(out);
            }
            item.put("outputs", outputs);
            item.put("parameters", parameters(tenant, job));
            item.put("inputs", inputs(tenant, job));
            item.put("eventsUrl", "/api/v1/generations/" + job.id() + "/events");
            item.put("refreshSeconds", job.status().isFinal() ? 0 : 3);
        }
        return item;
    }

    // Every parameter the job ran with, labelled as its model labels it (by name when the model is gone).
    private List<Map<String, Object>> parameters(Tenant tenant, Job job) {
        Map<String, String> labels = new LinkedHashMap<>();
        generation.offers().find(tenant, job.modelId()).ifPresent(offer -> offer.model().descriptor().parameters()
                .forEach(p -> labels.put(p.name(), p.label() == null ? p.name() : p.label())));
        List<Map<String, Object>> shown = new ArrayList<>();
        job.parameters().forEach((name, value) -> {
            if (value != null) {
                shown.add(Map.of("name", name, "label", labels.getOrDefault(name, name), "value",
                        String.valueOf(value)));
            }
        });
        return shown;
    }

    // The job's inputs that are still stored, each with a time-limited link.
    private List<Map<String, Object>> inputs(Tenant tenant, Job job) {
        List<Map<String, Object>> shown = new ArrayList<>();
        for (String id : job.inputIds()) {
            generation.uploads().find(tenant.id(), job.accountId(), id).ifPresent(upload -> {
                Map<String, Object> input = new LinkedHashMap<>();
                input.put("url", generation.links().url(tenant, upload.storageKey()));
                input.put("kind", upload.kind().name());
                input.put("width", upload.width());
                input.put("height", upload.height());
                shown.add(input);
            });
        }
        return shown;
    }

    private String modelName(Tenant tenant, String modelId) {
        return generation.offers().find(tenant, modelId).map(o -> o.model().descriptor().name()).orElse(modelId);
    }
}
