package dev.atelier.bench;

import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.tenant.TenantContext;
import java.time.Instant;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline of the generation benchmark: the procedural model called directly, in {@code threads} threads (as many
 * as the platform's workers), {@code jobs} times at {@code size}², no platform around it, after {@code WARM_UP} untimed
 * calls (as many as the platform's run gets; 20 by default).
 * Usage: DirectModelLoop JOBS THREADS SIZE [WARM_UP] → prints "jobs_per_second=<x>".
 */
public final class DirectModelLoop {

    public static void main(String[] args) throws Exception {
        int jobs = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]);
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        GenerationModel model = procedural();
        run(model, warmUp, threads, size);
        long started = System.nanoTime();
        run(model, jobs, threads, size);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("jobs_per_second=%.2f%n", jobs / seconds);
    }

    /** The procedural model, found the way a plain Java caller finds it: the bundle lists its models for ServiceLoader. */
    private static GenerationModel procedural() {
        return ServiceLoader.load(GenerationModel.class).stream().map(ServiceLoader.Provider::get)
                .filter(model -> model.descriptor().id().equals("procedural")).findFirst()
                .orElseThrow(() -> new IllegalStateException("model-procedural is not on the class path"));
    }

    private static void run(GenerationModel model, int jobs, int threads, int size) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger seed = new AtomicInteger();
        for (int i = 0; i < jobs; i++) {
            pool.submit(() -> {
                Map<String, Object> parameters = Map.of("width", (long) size, "height", (long) size, "seed",
                        (long) seed.incrementAndGet(), "style", "dunes", "image_weight", 0.6);
                model.generate(GenerationRequest.of("benchmark", parameters), new Context());
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }

    private static final class Context implements GenerationContext {
        private final Instant deadline = Instant.now().plusSeconds(600);

        @Override
        public TenantContext tenant() {
            return new TenantContext() {
                @Override
                public String tenantId() {
                    return "bench";
                }

                @Override
                public String tenantSlug() {
                    return "bench";
                }

                @Override
                public Map<String, String> pluginConfig() {
                    return Map.of();
                }

                @Override
                public String correlationId() {
                    return "bench";
                }
            };
        }

        @Override
        public String jobId() {
            return "bench";
        }

        @Override
        public Instant deadline() {
            return deadline;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void progress(int percent, String stage) {}
    }
}
