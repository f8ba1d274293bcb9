package dev.atelier.generation;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.plugins.ModelInfo;
import dev.atelier.plugins.ModelRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The models a tenant offers its users right now: listed in its settings ({@code models:}) and deployed. A model whose
 * bundle is gone is simply not offered until it comes back.
 */
public final class Offers {

    /** A model on offer and what one generation with it costs, in credits, by its size or duration. */
    public record Offer(ModelInfo model, Pricing pricing) {
        public String id() {
            return model.descriptor().id();
        }
    }

    private final ModelRegistry registry;

    public Offers(ModelRegistry registry) {
        this.registry = registry;
    }

    public List<Offer> of(Tenant tenant) {
        List<Offer> offers = new ArrayList<>();
        for (TenantSettings.ModelOffer offer : offered(tenant)) {
            registry.find(offer.modelId()).ifPresent(model -> offers.add(new Offer(model,
                    Pricing.of(offer, model.descriptor()))));
        }
        return offers;
    }

    public Optional<Offer> find(Tenant tenant, String modelId) {
        return offered(tenant).stream().filter(o -> o.modelId().equals(modelId)).findFirst()
                .flatMap(offer -> registry.find(modelId).map(model -> new Offer(model,
                        Pricing.of(offer, model.descriptor()))));
    }

    private static List<TenantSettings.ModelOffer> offered(Tenant tenant) {
        return tenant.settings() == null ? List.of() : tenant.settings().models();
    }
}
