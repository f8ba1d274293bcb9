package dev.atelier.plugins;

import dev.atelier.spi.botprotection.BotProtection;
import dev.atelier.spi.legal.LegalDocumentRenderer;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.payment.PaymentProvider;
import dev.atelier.spi.storage.ObjectNotFoundException;
import dev.atelier.spi.storage.StorageBackend;
import java.util.List;

/** The plugin kinds the platform declares. A new kind is one more constant here and in {@link #ALL}. */
public final class PluginKinds {

    /** Generation models, by the id in their descriptor; the descriptor's version defaults to the Bundle-Version. */
    public static final PluginKind<GenerationModel, ModelDescriptor> MODELS = PluginKind.described(
            "model", "Model", GenerationModel.class, "descriptor()", (model, appearing) -> {
                ModelDescriptor descriptor = model.descriptor();
                if (descriptor == null) {
                    throw new RejectedServiceException("descriptor() returned null");
                }
                return new ServiceIdentity<>(descriptor.id(),
                        descriptor.withDefaultVersion(appearing.bundleVersion()));
            });

    /** Storage backends, by their service property {@value StorageBackend#BACKEND_ID}; tenants default to local. */
    public static final PluginKind<StorageBackend, Void> STORAGE = PluginKind
            .identifiedBy("storage", "Storage", StorageBackend.class, StorageBackend.BACKEND_ID)
            .withDefaultPlugin("local")
            // Asking for a missing object is an answer, not a failure of the backend.
            .withAnswer(ObjectNotFoundException.class);

    /** Payment providers, by their service property {@value PaymentProvider#PROVIDER_ID}; no default. */
    public static final PluginKind<PaymentProvider, Void> PAYMENTS =
            PluginKind.identifiedBy("payment", "Payments", PaymentProvider.class, PaymentProvider.PROVIDER_ID);

    /**
     * Legal document renderers, by their service property {@value LegalDocumentRenderer#RENDERER_ID}; tenants default
     * to the shipped {@code freemarker} one. The key is not {@code legal}: that section of tenant.yaml holds the facts.
     */
    public static final PluginKind<LegalDocumentRenderer, Void> LEGAL_RENDERERS = PluginKind
            .identifiedBy("legal_renderer", "Legal documents", LegalDocumentRenderer.class,
                    LegalDocumentRenderer.RENDERER_ID)
            .withDefaultPlugin("freemarker");

    /**
     * Bot protection (the challenge on sign-up, sign-in after failures and checkout), by the service property
     * {@value BotProtection#PROTECTION_ID}; no default: a tenant that binds none shows no challenge.
     */
    public static final PluginKind<BotProtection, Void> BOT_PROTECTION = PluginKind.identifiedBy("bot_protection",
            "Bot protection", BotProtection.class, BotProtection.PROTECTION_ID);

    /** Every kind the platform declares, in the order operators see them. */
    public static final List<PluginKind<?, ?>> ALL = List.of(MODELS, STORAGE, PAYMENTS, LEGAL_RENDERERS,
            BOT_PROTECTION);

    private PluginKinds() {}
}
