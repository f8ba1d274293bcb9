package dev.atelier.web.api;

import dev.atelier.web.api.accounts.AccountApiResource;
import dev.atelier.web.api.accounts.AuthApiResource;
import dev.atelier.web.api.billing.BillingResource;
import dev.atelier.web.api.billing.PaymentWebhookResource;
import dev.atelier.web.api.generations.CreditsResource;
import dev.atelier.web.api.generations.ProgressStreams;
import dev.atelier.web.api.generations.StreamHandOff;
import dev.atelier.web.api.generations.GenerationCallbacksResource;
import dev.atelier.web.api.generations.GenerationsResource;
import dev.atelier.web.api.generations.MediaResource;
import dev.atelier.web.api.generations.UploadsResource;
import dev.atelier.web.api.models.ModelListCache;
import dev.atelier.web.api.models.ModelsResource;
import dev.atelier.web.api.openapi.OpenApiDocument;
import dev.atelier.web.api.openapi.OpenApiResource;
import dev.atelier.web.http.JsonMapperProvider;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The JSON API under {@code /api/v1} that a tenant's users and their scripts call: sign-in and account, purchases,
 * models, generations with their progress streams, uploads, credits, media links, the webhooks of payment
 * providers and models, and the OpenAPI document that describes it. Needs {@code TenantWeb} registered in the same
 * application.
 */
public final class ApiFeature {

    private ApiFeature() {
    }

    /**
     * @param streams this node's open progress event streams; their requests must pass {@link StreamHandOff} (a
     *     servlet filter in front of Jersey)
     */
    public static void registerIn(ResourceConfig config, ProgressStreams streams) {
        config.register(AuthApiResource.class);
        config.register(AccountApiResource.class);
        config.register(ModelsResource.class);
        config.register(GenerationsResource.class);
        config.register(UploadsResource.class);
        config.register(CreditsResource.class);
        config.register(MediaResource.class);
        config.register(GenerationCallbacksResource.class);
        config.register(BillingResource.class);
        config.register(PaymentWebhookResource.class);
        config.register(OpenApiResource.class);
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(streams).to(ProgressStreams.class);
                bind(new ModelListCache(JsonMapperProvider.create())).to(ModelListCache.class);
                bind(OpenApiDocument.load()).to(OpenApiDocument.class);
            }
        });
    }
}
