package dev.atelier.web.operator.metrics;

import dev.atelier.plugins.BundleStatus;
import dev.atelier.plugins.PluginHost;
import dev.atelier.plugins.PluginMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Plugin calls by bundle, from the call figures the plugin host keeps for each bundle since it was installed:
 * {@code atelier_plugin_calls_total{bundle,kind,outcome}} (outcome {@code ok} or {@code error}),
 * {@code atelier_plugin_calls_in_flight{bundle,kind}} and {@code atelier_plugin_call_mean_seconds} /
 * {@code atelier_plugin_call_max_seconds{bundle,kind}}. {@code kind} names the plugin interfaces the bundle serves.
 * A bundle installed again starts from zero, which Prometheus reads as a counter reset.
 */
public final class PluginBundleMeters implements MeterBinder, ScrapeRefresh {

    private final PluginHost host;
    private final Set<String> bound = new HashSet<>();
    private MeterRegistry registry;

    public PluginBundleMeters(PluginHost host) {
        this.host = host;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public synchronized void refresh() {
        for (BundleStatus bundle : host.bundles()) {
            if (bundle.symbolicName() != null && !bundle.services().isEmpty() && bound.add(bundle.symbolicName())) {
                bind(bundle.symbolicName(), kind(bundle.services()));
            }
        }
    }

    private void bind(String bundle, String kind) {
        FunctionCounter.builder("atelier.plugin.calls", host, h -> metrics(h, bundle).errors())
                .tags("bundle", bundle, "kind", kind, "outcome", "error").description("Plugin calls finished")
                .register(registry);
        FunctionCounter.builder("atelier.plugin.calls", host,
                        h -> metrics(h, bundle).calls() - metrics(h, bundle).errors())
                .tags("bundle", bundle, "kind", kind, "outcome", "ok").description("Plugin calls finished")
                .register(registry);
        gauge("atelier.plugin.calls.in.flight", bundle, kind, h -> metrics(h, bundle).inFlight(),
                "Plugin calls running now");
        gauge("atelier.plugin.call.mean.seconds", bundle, kind,
                h -> metrics(h, bundle).meanMillis() / TimeUnit.SECONDS.toMillis(1), "Mean plugin call duration");
        gauge("atelier.plugin.call.max.seconds", bundle, kind,
                h -> metrics(h, bundle).maxMillis() / (double) TimeUnit.SECONDS.toMillis(1),
                "Longest plugin call");
    }

    private void gauge(String name, String bundle, String kind, ToDoubleFunction<PluginHost> value,
            String description) {
        Gauge.builder(name, host, value).tags("bundle", bundle, "kind", kind).description(description)
                .register(registry);
    }

    // A bundle no longer deployed reads as no calls; its counters reset if it comes back.
    private static PluginMetrics metrics(PluginHost host, String bundle) {
        return host.bundles().stream().filter(b -> bundle.equals(b.symbolicName())).findFirst()
                .map(BundleStatus::metrics).orElse(PluginMetrics.NONE);
    }

    // Services read "GenerationModel procedural": the interface comes first.
    private static String kind(List<String> services) {
        return String.join(",", services.stream().map(s -> s.split(" ", 2)[0]).distinct().sorted().toList());
    }
}
